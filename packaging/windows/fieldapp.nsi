; fieldapp — Windows installer (NSIS 3, Unicode, 64-bit), per user, no administrator rights.
;
; Built by `make installer` (packaging/build.py installer), which passes:
;   makensis -V2 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSRCDIR=<dist/fieldapp> -DOUTFILE=<setup.exe> fieldapp.nsi
;
; Layout on the user's machine:
;   %LOCALAPPDATA%\Programs\fieldapp   the program (this installer writes here and nowhere else on disk,
;                                      apart from the shortcuts)
;   %LOCALAPPDATA%\fieldapp            the data (database, photos, backups, log) — written by the app only.
;                                      Install and upgrade never touch it; uninstall keeps it unless the user
;                                      ticks the box (a silent uninstall always keeps it).
; Registry, all under HKCU: Software\fieldapp, the .fabundle association under Software\Classes, and the
; Add/Remove Programs entry.

Unicode true
; 64-bit by default (Debian's nsis has the amd64 stubs; 64-bit Wine runs only 64-bit installers). The official
; Windows NSIS has x86 stubs only: packaging/build.py then passes -DTARGET=x86-unicode, which installs the
; same way (HKCU and %LOCALAPPDATA% are not redirected for a 32-bit installer).
!ifndef TARGET
  !define TARGET "amd64-unicode"
!endif
Target ${TARGET}
ManifestDPIAware true
!ifdef FAST
  SetCompress off  ; tests: the installer is only exercised, never shipped
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined: build with `make installer` (makensis -DVERSION=...)"
!endif
!ifndef VERSION4
  !define VERSION4 "0.0.0.0"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\..\dist\fieldapp"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\fieldapp-setup-${VERSION}.exe"
!endif

!define APP "fieldapp"
!define APP_EXE "fieldapp.exe"
!define APP_TITLE "fieldapp 乡镇安全生产现场执法终端"
!define SHORTCUT "fieldapp 现场执法"
!define PUBLISHER "fieldapp"
!define APP_KEY "Software\fieldapp"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\fieldapp"
!define BUNDLE_EXT ".fabundle"
!define BUNDLE_PROGID "fieldapp.bundle"
!define DATA_DIR "$LOCALAPPDATA\fieldapp"

Name "${APP_TITLE}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\fieldapp"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define MUI_ABORTWARNING
!if /FileExists "fieldapp.ico"
  !define MUI_ICON "fieldapp.ico"
  !define MUI_UNICON "fieldapp.ico"
!endif

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

LangString WelcomeText ${LANG_SIMPCHINESE} "本向导将把 ${APP_TITLE} ${VERSION} 安装到您的用户目录，无需管理员权限。$\r$\n$\r$\n如已安装旧版本，将直接升级；执法数据（数据库、照片、备份）保存在 ${DATA_DIR}，安装和升级都不会改动。$\r$\n$\r$\n请先关闭正在运行的 fieldapp，再点击“下一步”。"
LangString RunningText ${LANG_SIMPCHINESE} "fieldapp 正在运行。请先关闭 fieldapp 窗口，然后点击“重试”。"
LangString DataInsideText ${LANG_SIMPCHINESE} "不能安装到数据目录 ${DATA_DIR} 中，请选择其他文件夹。"
LangString BundleType ${LANG_SIMPCHINESE} "fieldapp 数据交换包"
LangString UnProgramSection ${LANG_SIMPCHINESE} "fieldapp 程序"
LangString UnDataSection ${LANG_SIMPCHINESE} "同时删除全部执法数据（${DATA_DIR}：数据库、照片、备份），不可恢复"
LangString UnDataConfirm ${LANG_SIMPCHINESE} "确定要永久删除 ${DATA_DIR} 中的全部执法数据（数据库、照片、备份）吗？$\r$\n$\r$\n删除后无法恢复。如需保留，请选择“否”。"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_TITLE} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

; -- helpers ---------------------------------------------------------------------------------------

; A running fieldapp.exe cannot be replaced or removed: ask the user to close it. A silent run waits
; up to 15 s, then gives up with exit code 2 and changes nothing.
!macro ENSURE_NOT_RUNNING un
Function ${un}EnsureNotRunning
  StrCpy $1 0
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
      ${Break}
    ${EndIf}
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    ${If} ${Silent}
      IntOp $1 $1 + 1
      ${If} $1 > 30
        SetErrorLevel 2
        Quit
      ${EndIf}
      Sleep 500
    ${ElseIf} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RunningText)" IDCANCEL`
      SetErrorLevel 2
      Quit
    ${EndIf}
  ${Loop}
FunctionEnd
!macroend
!insertmacro ENSURE_NOT_RUNNING ""
!insertmacro ENSURE_NOT_RUNNING "un."

!macro NOTIFY_ASSOCIATIONS_CHANGED
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED
!macroend

Function .onInit
  SetShellVarContext current
FunctionEnd

; The program folder must not be the data folder nor inside it (uninstalling removes program files).
Function .onVerifyInstDir
  StrLen $0 "${DATA_DIR}"
  StrCpy $1 "$INSTDIR" $0
  ${If} $1 == "${DATA_DIR}"
    StrCpy $2 "$INSTDIR" 1 $0
    ${If} $2 == ""
    ${OrIf} $2 == "\"
      Abort
    ${EndIf}
  ${EndIf}
FunctionEnd

; -- install ---------------------------------------------------------------------------------------

Section "fieldapp" SecProgram
  SectionIn RO
  Call EnsureNotRunning
  ReadRegStr $3 HKCU "${APP_KEY}" "Version"  ; empty on a first install

  SetOutPath "$INSTDIR"
  ; Upgrade in place: the previous version's program files go first, so no stale library stays behind.
  ; Only the program's own entries are removed; the data directory is elsewhere.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  File /r "${SRCDIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"

  ; Shortcuts: Start menu always; the desktop on a first install, or when the user still has it.
  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${APP_TITLE}"
  ${If} $3 == ""
  ${OrIf} ${FileExists} "$DESKTOP\${SHORTCUT}.lnk"
    CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
      SW_SHOWNORMAL "" "${APP_TITLE}"
  ${EndIf}

  ; Double-click on a .fabundle -> fieldapp.exe "<file>" (per user, HKCU\Software\Classes).
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}" "" "${BUNDLE_PROGID}"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}" "Content Type" "application/x-fieldapp-bundle"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids" "${BUNDLE_PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}" "" "$(BundleType)"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}" "FriendlyTypeName" "$(BundleType)"
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}\DefaultIcon" "" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "Software\Classes\${BUNDLE_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  !insertmacro NOTIFY_ASSOCIATIONS_CHANGED

  ; Add/Remove Programs (Settings -> Apps), per user.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" '"$INSTDIR\${APP_EXE}",0'
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

; -- uninstall -------------------------------------------------------------------------------------

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "un.$(UnProgramSection)" UnSecProgram
  SectionIn RO
  Call un.EnsureNotRunning

  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"

  ; The association, unless another program has taken .fabundle over since.
  ReadRegStr $0 HKCU "Software\Classes\${BUNDLE_EXT}" ""
  ${If} $0 == "${BUNDLE_PROGID}"
    DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}" ""
    DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}" "Content Type"
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids" "${BUNDLE_PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${BUNDLE_EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${BUNDLE_EXT}"
  DeleteRegKey HKCU "Software\Classes\${BUNDLE_PROGID}"
  !insertmacro NOTIFY_ASSOCIATIONS_CHANGED

  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"

  ; Only what the installer put there; a folder the user added files to stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd

; Off unless the user ticks it; never selected in a silent uninstall (/S).
Section /o "un.$(UnDataSection)" UnSecData
  ${If} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnDataConfirm)" /SD IDNO IDYES`
    RMDir /r "${DATA_DIR}"
  ${EndIf}
SectionEnd
