"""Atlas Viewer: the Norwegian healthcare atlases (Helseatlas) on a desktop, offline."""

__version__ = "0.1.0"
