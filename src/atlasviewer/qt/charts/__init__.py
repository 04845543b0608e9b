"""The chart pane: tabs of matplotlib charts drawn when shown."""
