"""The table pane: tabs of sortable tables of a result box."""
