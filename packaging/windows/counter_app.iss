; Inno Setup 6.3+ script (UTF-8): a per-user installer for the one-folder bundle (no administrator rights needed, so
; a commune clerk can install and update it on a locked-down PC). Build the bundle first, then:
;
;     iscc packaging\windows\counter_app.iss
;
; Output: dist\installer\counter-app-<version>-setup.exe. The version is read from counter-app.exe, whose
; version resource the PyInstaller spec fills from counter_app.__version__ (override: /DAppVersion=1.2.3).

#define AppName "counter_app"
#define AppDisplayName "Phần mềm Một cửa"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\counter-app"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(DistDir + "\counter-app.exe")
#endif

[Setup]
; A fixed AppId: every later installer upgrades this installation in place.
AppId={{7C1B2E4A-5D3F-4F0B-9A61-2E8C4D7B9A10}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppDisplayName}
DisableProgramGroupPage=yes
; Per user: installs under %LOCALAPPDATA%\Programs, shortcuts in the user's Start menu. The data (the
; database and its backups) live in %LOCALAPPDATA%\counter_app and are never touched by (un)installing.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=counter-app-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\counter_app.ico
UninstallDisplayIcon={app}\counter-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Vietnamese translation; the unofficial Vietnamese.isl from jrsoftware.org (put it
; next to this script) makes the wizard Vietnamese.
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vi"; MessagesFile: "Vietnamese.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình (Desktop)"; Flags: checkedonce

[InstallDelete]
; A new version replaces the whole bundle: no stale library from an older Qt or Python stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppDisplayName}"; Filename: "{app}\counter-app.exe"
Name: "{autoprograms}\{#AppDisplayName} - Tự kiểm tra cài đặt"; Filename: "{cmd}"; \
  Parameters: "/k """"{app}\counter-app-cli.exe"" --self-test"""; WorkingDir: "{app}"; \
  IconFilename: "{app}\counter-app.exe"
Name: "{autodesktop}\{#AppDisplayName}"; Filename: "{app}\counter-app.exe"; Tasks: desktopicon

[Run]
; The same checks as CI, on this PC: fails visibly here rather than in front of the first citizen.
Filename: "{cmd}"; Parameters: "/k """"{app}\counter-app-cli.exe"" --self-test"""; WorkingDir: "{app}"; \
  Description: "Chạy tự kiểm tra cài đặt"; Flags: postinstall skipifsilent unchecked
Filename: "{app}\counter-app.exe"; Description: "Mở {#AppDisplayName}"; Flags: postinstall nowait skipifsilent
