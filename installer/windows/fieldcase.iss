; FieldCase for Windows: the installer (Inno Setup 6.3 or later), made from the PyInstaller bundle in dist\fieldcase.
; Build the bundle on Windows first (docs/install.md), then from the repository's root:
;
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\windows\fieldcase.iss
;
; gives dist\fieldcase-0.1.0-windows-x64-setup.exe. It installs for the current user only (no administrator rights:
; %LOCALAPPDATA%\Programs\FieldCase), adds a Start-menu entry, and installs over an older version in place.
;
; The case store is not part of the program: it lives in the user's data folder, %LOCALAPPDATA%\FieldCase\FieldCase
; (Qt's AppLocalDataLocation for organisation "FieldCase", application "FieldCase": fieldcase.db, its key file,
; backups\ and logs\). Installing and upgrading never touch it; a newer version migrates it at its first start, after
; a backup into backups\. The uninstaller keeps it unless the user explicitly chooses to remove it (and a silent
; uninstall always keeps it), because it may hold days of field work that has not been synced yet.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "FieldCase"
#define AppExe "FieldCase.exe"
#define BundleDir "..\..\dist\fieldcase"
#define DataDir "{localappdata}\FieldCase"
#define SettingsKey "Software\FieldCase"

[Setup]
; The AppId ties every version together (upgrades, the uninstaller): never change it.
AppId={{0EBC1BBB-8EF9-48BD-B1E3-21CBD874F061}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=FieldCase
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=fieldcase-{#AppVersion}-windows-x64-setup
SetupIconFile=fieldcase.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Traditional Chinese is one of Inno Setup's contributed translations: put ChineseTraditional.isl into the
; compiler's Languages folder and the installer speaks it on a zh-TW Windows.
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseTraditional.isl"
Name: "chinesetraditional"; MessagesFile: "compiler:Languages\ChineseTraditional.isl"
#endif

[CustomMessages]
RemoveData=要同時刪除這台電腦上的 FieldCase 個案資料庫嗎？%n%n%1%n%n資料庫裡可能有尚未同步到中央服務的工作，刪除後無法復原。不確定時請選「否」，資料會保留，重新安裝後即可繼續使用。%n%nAlso delete the FieldCase case store on this computer? It may hold work that has not been synced to the central service yet, and cannot be recovered once deleted. If unsure, choose No: the data stay and a new installation picks them up.
DataRemoved=已刪除個案資料庫與設定。 The case store and settings were deleted.
DataKept=個案資料庫保留在 %1。 The case store stays in %1.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous bundle's libraries as a whole, so none of an older version's files linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After the program's files are gone, ask whether the case store should go too. The default answer (and the
// answer of a silent uninstall, through SuppressibleMsgBox) is No: the data stay.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{#DataDir}');
  if not DirExists(DataDir) then
    Exit;
  if SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir]), mbConfirmation,
      MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    DelTree(DataDir, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, '{#SettingsKey}');
    SuppressibleMsgBox(CustomMessage('DataRemoved'), mbInformation, MB_OK, IDOK);
  end
  else
    SuppressibleMsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK, IDOK);
end;
