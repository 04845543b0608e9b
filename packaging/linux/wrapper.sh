#!/bin/sh
# /usr/bin/atlasviewer: start the frozen bundle installed under /opt/atlasviewer.
exec /opt/atlasviewer/atlasviewer "$@"
