"""Replaces PyInstaller's babel hook, which collects all 1,000 CLDR locales (32 MB).

The application formats numbers and dates only for the UI languages' locales (nb_NO, nn_NO,
en_GB, see ``atlasviewer.i18n.BABEL_LOCALES``). babel loads a locale by merging it over its parent
chain (nb_NO -> nb -> no -> root), so the chain of each is collected, plus ``global.dat``.
"""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, get_module_file_attribute

BABEL_LOCALES = ("nb_NO", "nn_NO", "en_GB", "nb", "nn", "en")


def _parent_chain(name: str) -> list[str]:
    from babel.core import get_global

    chain = [name]
    while name != "root":
        parent = get_global("parent_exceptions").get(name)
        if not parent:
            parts = name.split("_")
            parent = "_".join(parts[:-1]) if len(parts) > 1 else "root"
        chain.append(parent)
        name = parent
    return chain


_wanted = {locale for name in BABEL_LOCALES for locale in _parent_chain(name)}
_locale_data = Path(get_module_file_attribute("babel")).parent / "locale-data"

datas = [
    (source, target)
    for source, target in collect_data_files("babel")
    if Path(source).parent != _locale_data or Path(source).stem in _wanted
]

# Unpickling locale-data/root.dat needs these modules (as PyInstaller's own hook says).
hiddenimports = ["babel.dates", "babel.localedata", "babel.plural", "babel.numbers"]
