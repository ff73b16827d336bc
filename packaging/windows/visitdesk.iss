; Inno Setup 6 script: the Windows installer of VisitDesk.
; Built by `python packaging/build.py` on Windows (it passes /DAppVersion and /O), from the
; one-folder app that PyInstaller leaves in packaging\dist\visitdesk.
;
; What an IT department gets: a per-machine install under Program Files (or per-user without
; administrator rights), a Start-menu entry, `.visit.json` files opening in VisitDesk, an
; uninstaller, and silent installs for roll-out tools (`setup.exe /VERYSILENT /NORESTART`).
; The officers' data is in their own profile folder and is never removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "VisitDesk"
#define AppExe "visitdesk-gui.exe"
#define Bundle "..\dist\visitdesk"

[Setup]
; The AppId identifies VisitDesk to Windows across versions: never change it.
AppId={{6F1D2A4E-8C7B-4B9E-9E3A-2D5C71B0A6F4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=VisitDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for all users when run as administrator, for the current user otherwise.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\visitdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade must not leave the older bundle's libraries beside the new ones: PyInstaller puts
; everything but the two programs in _internal, whose file names change with every Qt or Python
; release, and a stale DLL found first breaks the new version. The officers' data is elsewhere
; (%LOCALAPPDATA%\VisitDesk), so nothing of theirs is in these folders.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\visitdesk.exe"
Type: files; Name: "{app}\{#AppExe}"

[UninstallDelete]
; Only what the installer put in {app}; the officers' records stay in their profile.
Type: dirifempty; Name: "{app}"

[Files]
; The whole folder: both programs, the Python runtime, Qt, fonts and icons.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Plan, brief and report on the visits of foreign delegations"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; `.visit.json`: Windows sees the last extension, `.json`, so the double extension cannot be
; registered on its own. The association is made on `.json` as an *additional* program
; (OpenWithProgids), never taking `.json` over from the program already set for it, and the
; VisitDesk program only imports files whose name ends in `.visit.json` (any other .json opened
; with it just opens the window). Every entry is removed on uninstall: by its own flag, or
; because it lies under a key marked uninsdeletekey (a test checks this).
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "VisitDesk.Visit"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\VisitDesk.Visit"; ValueType: string; ValueName: ""; ValueData: "VisitDesk visit"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\VisitDesk.Visit\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\VisitDesk.Visit\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
