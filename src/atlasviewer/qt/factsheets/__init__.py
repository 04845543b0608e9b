"""Fact sheets: the list an atlas links to, the PDF viewer, the generated sheet, its actions."""
