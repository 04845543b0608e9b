"""The texts of Qt's own dialogs that the viewer opens, for our catalogues to translate.

Qt ships no bokmål catalogue (``qtbase_nb.qm``), and its nynorsk one leaves some of these texts
untranslated ("Look in:", "Files of type:"): the file dialog (save, open folder), the print
dialog with its options and properties, and the input dialog. :class:`StockTextTranslator` in
:mod:`.language` answers them through ``_()``, with the bokmål and nynorsk texts in
``translations/``. The list was recorded from Qt 6 (a translator logging every text those
dialogs ask for); Qt's key names for the arrows are here too, so that a menu shows "Alt+Venstre"
rather than qtbase_nn's long "Alt+Pil venstre".
"""

from __future__ import annotations

from atlasviewer.i18n import N_

DIALOG_TEXTS: dict[str, frozenset[str]] = {
    "QFileDialog": frozenset(
        {
            N_("&Choose"),
            N_("&Delete"),
            N_("&Look in:"),
            N_("&New Folder"),
            N_("&Open"),
            N_("&Rename"),
            N_("&Save"),
            N_("All Files (*)"),
            N_("Back"),
            N_("Change to detail view mode"),
            N_("Change to list view mode"),
            N_("Create New Folder"),
            N_("Create a New Folder"),
            N_("Detail View"),
            N_("Directories"),
            N_("Directory:"),
            N_("File &name:"),
            N_("Files"),
            N_("Files of &type:"),
            N_("Forward"),
            N_("Go back"),
            N_("Go forward"),
            N_("Go to the parent directory"),
            N_("List View"),
            N_("List of places and bookmarks"),
            N_("Parent Directory"),
            N_("Show &hidden files"),
            N_("Sidebar"),
        }
    ),
    "QFileSystemModel": frozenset(
        {
            N_("Computer"),
            N_("Date Modified"),
            N_("Name"),
            N_("Size"),
            N_("Type"),
        }
    ),
    "QAbstractFileIconProvider": frozenset(
        {
            N_("Drive"),
            N_("Folder"),
        }
    ),
    "QTabBar": frozenset(
        {
            N_("Scroll Left"),
            N_("Scroll Right"),
        }
    ),
    "QInputDialog": frozenset(
        {
            N_("Enter a value:"),
        }
    ),
    "QShortcut": frozenset(
        {
            N_("Left"),
            N_("Right"),
            N_("Up"),
            N_("Down"),
        }
    ),
    "QPrintDialog": frozenset(
        {
            N_("&Options >>"),
            N_("&Options <<"),
            N_("&Print"),
            N_("All Pages"),
            N_("Even Pages"),
            N_("Odd Pages"),
            N_("Local file"),
            N_("Print"),
            N_("Print to File (PDF)"),
            N_("Write PDF file"),
            N_("Bottom to Top, Left to Right"),
            N_("Bottom to Top, Right to Left"),
            N_("Left to Right, Bottom to Top"),
            N_("Left to Right, Top to Bottom"),
            N_("Right to Left, Bottom to Top"),
            N_("Right to Left, Top to Bottom"),
            N_("Top to Bottom, Left to Right"),
            N_("Top to Bottom, Right to Left"),
        }
    ),
    "QPrintWidget": frozenset(
        {
            N_("&Name:"),
            N_("Location:"),
            N_("Output &file:"),
            N_("P&roperties"),
            N_("Preview"),
            N_("Printer"),
            N_("Type:"),
        }
    ),
    "QPrintSettingsOutput": frozenset(
        {
            N_("Collate"),
            N_("Color"),
            N_("Color Mode"),
            N_("Copies"),
            N_("Copies:"),
            N_("Current Page"),
            N_("Double Sided Printing"),
            N_("Grayscale"),
            N_("Long side binding"),
            N_("Off"),
            N_("Options"),
            N_("Output Settings"),
            N_("Page &Set:"),
            N_("Pages"),
            N_("Pages from"),
            N_("Print all"),
            N_("Print range"),
            N_("Reverse"),
            N_("Selection"),
            N_("Short side binding"),
            N_(
                "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
                "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."
            ),
            N_("to"),
        }
    ),
    "QPrintPropertiesDialog": frozenset(
        {
            N_("Job Options"),
            N_("Printer Properties"),
        }
    ),
    "QPrintPropertiesWidget": frozenset(
        {
            N_("Advanced"),
            N_("Page"),
            N_("There are conflicts in some options. Please fix them."),
        }
    ),
    "QPageSetupWidget": frozenset(
        {
            N_("Custom"),
            N_("Height:"),
            N_("Inches (in)"),
            N_("Landscape"),
            N_("Margins"),
            N_("Millimeters (mm)"),
            N_("Orientation"),
            N_("Page &order:"),
            N_("Page Layout"),
            N_("Page size:"),
            N_("Pages &per sheet:"),
            N_("Paper"),
            N_("Paper source:"),
            N_("Points (pt)"),
            N_("Portrait"),
            N_("Reverse landscape"),
            N_("Reverse portrait"),
            N_("Width:"),
            N_("bottom margin"),
            N_("left margin"),
            N_("right margin"),
            N_("top margin"),
        }
    ),
}
"""Per Qt translation context, the source texts we translate (marked for extraction)."""
