"""The library screen: the atlas cards, search and the data-folder notice."""
