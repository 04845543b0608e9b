; Atlas Viewer: Windows installer (NSIS 3). NOT BUILT OR TESTED HERE: PyInstaller does not
; cross-compile, so the bundle must be frozen on Windows first. Steps: packaging/windows/README.md.
;
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\dist\atlasviewer packaging\windows\atlasviewer.nsi
;
; Installs the one-folder bundle (app, atlases, LICENSE, THIRD_PARTY_NOTICES.md) per machine under
; Program Files, with a Start-menu shortcut and an uninstaller registered in Apps & features.

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUNDLE
  !define BUNDLE "..\..\dist\atlasviewer"
!endif
!define APPNAME "Atlas Viewer"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AtlasViewer"

!include "MUI2.nsh"

Name "${APPNAME} ${VERSION}"
OutFile "..\..\dist\atlasviewer-${VERSION}-windows-x64-setup.exe"
InstallDir "$PROGRAMFILES64\Atlas Viewer"
InstallDirRegKey HKLM "${UNINSTKEY}" "InstallLocation"
RequestExecutionLevel admin

!define MUI_ICON "..\..\resources\icons\atlasviewer.ico"
!define MUI_UNICON "..\..\resources\icons\atlasviewer.ico"
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Norwegian"
!insertmacro MUI_LANGUAGE "NorwegianNynorsk"

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\atlasviewer.exe" "" "$INSTDIR\atlasviewer.exe" 0
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "Atlas Viewer developers"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\atlasviewer.exe"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTKEY}"
SectionEnd
