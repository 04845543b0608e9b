"""The reader: an atlas's navigation, its text pages (markdown browser) and its result boxes."""
