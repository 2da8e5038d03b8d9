# Build Smarketing Workshop for Windows: the one-folder bundle (a windowed program and its
# console companion smarketing-workshop.exe for the headless commands) and an MSI installer
# (WiX 3: candle and light) that installs it for all users, associates .smw files, and adds
# Start-menu entries for the app and for uninstalling it. Smoke-tests the bundle and the
# installed app. Signs the programs and the MSI when WINDOWS_CERTIFICATE (a base64 .pfx) and
# WINDOWS_CERTIFICATE_PASSWORD are set; skips signing otherwise.
#
#   powershell -File packaging\windows\build-windows.ps1 [-Python python]
param([string]$Python = "python")
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$Work = Join-Path $Root "build\windows"
$Out = Join-Path $Root "dist"
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
New-Item -ItemType Directory -Force -Path $Work, $Out | Out-Null

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

$Version = (& $Python -c "import sys; sys.path.insert(0, r'$Root'); import workshop; print(workshop.__version__)").Trim()
Invoke-Checked "prepare" { & $Python (Join-Path $Root "packaging\prepare.py") (Join-Path $Work "stage") }
$env:SMW_STAGE = Join-Path $Work "stage"
Invoke-Checked "PyInstaller" {
    & $Python -m PyInstaller --noconfirm --clean --distpath (Join-Path $Work "dist") `
        --workpath (Join-Path $Work "pyinstaller") (Join-Path $Root "packaging\smarketing-workshop.spec")
}
$Bundle = Join-Path $Work "dist\Smarketing Workshop"
$Gui = Join-Path $Bundle "Smarketing Workshop.exe"
$Console = Join-Path $Bundle "smarketing-workshop.exe"
foreach ($program in @($Gui, $Console)) { if (-not (Test-Path $program)) { throw "PyInstaller made no $program" } }

# Code signing, driven by secrets: skipped (with a note) when they are absent.
$Pfx = $null
if ($env:WINDOWS_CERTIFICATE) {
    $Pfx = Join-Path $Work "signing.pfx"
    [IO.File]::WriteAllBytes($Pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE))
}
function Sign-Files([string[]]$Files) {
    if (-not $Pfx) { Write-Host "not signed (no WINDOWS_CERTIFICATE): $($Files -join ', ')"; return }
    Invoke-Checked "signtool" {
        signtool sign /f $Pfx /p $env:WINDOWS_CERTIFICATE_PASSWORD /fd sha256 /td sha256 `
            /tr http://timestamp.digicert.com /d "Smarketing Workshop" $Files
    }
}
Sign-Files @($Gui, $Console)

# The headless commands through the console companion, from a scratch folder.
Invoke-Checked "smoke test (bundle)" { bash (Join-Path $Root "packaging/smoke-test.sh") $Console }

# The MSI: WiX 3 from its usual folder, or from Chocolatey when it is not installed.
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    $wix = Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin" -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $wix) {
        Invoke-Checked "choco install wixtoolset" { choco install wixtoolset --no-progress -y }
        $wix = Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin" | Select-Object -First 1
    }
    $env:PATH = "$($wix.FullName);$env:PATH"
}
$Msi = Join-Path $Out "smarketing-workshop-$Version-windows-x64.msi"
Push-Location (Join-Path $Work "dist")
try {
    Invoke-Checked "harvest" { & $Python (Join-Path $Root "packaging\windows\harvest.py") "Smarketing Workshop" "files.wxs" }
    $Icon = Join-Path $Work "stage\icons\smarketing-workshop.ico"
    Invoke-Checked "candle" {
        candle.exe -nologo -arch x64 "-dVersion=$Version" "-dIconFile=$Icon" -out obj\ `
            (Join-Path $Root "packaging\windows\smarketing-workshop.wxs") files.wxs
    }
    Invoke-Checked "light" { light.exe -nologo -out $Msi obj\smarketing-workshop.wixobj obj\files.wixobj }
} finally { Pop-Location }
Sign-Files @($Msi)

# Install it quietly, check what a user would find, run the installed program, uninstall.
Invoke-Checked "msiexec /i" { Start-Process msiexec.exe -Wait -ArgumentList "/i `"$Msi`" /qn /l*v `"$Work\install.log`"" }
$Installed = Join-Path $env:ProgramFiles "Smarketing Workshop"
$Association = (Get-ItemProperty "Registry::HKEY_CLASSES_ROOT\SmarketingWorkshop.Workshop\shell\open\command").'(default)'
if ($Association -notlike "*Smarketing Workshop.exe*%1*") { throw ".smw is not associated: $Association" }
$Shortcut = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\Smarketing Workshop\Smarketing Workshop.lnk"
if (-not (Test-Path $Shortcut)) { throw "no Start-menu entry at $Shortcut" }
Invoke-Checked "smoke test (installed)" { bash (Join-Path $Root "packaging/smoke-test.sh") (Join-Path $Installed "smarketing-workshop.exe") }
$Window = Start-Process -PassThru (Join-Path $Installed "Smarketing Workshop.exe")
Start-Sleep -Seconds 8
if ($Window.HasExited) { throw "the window ended by itself (exit $($Window.ExitCode))" }
Stop-Process -Id $Window.Id
Invoke-Checked "msiexec /x" { Start-Process msiexec.exe -Wait -ArgumentList "/x `"$Msi`" /qn" }
if (Test-Path (Join-Path $Installed "smarketing-workshop.exe")) { throw "uninstall left the program behind" }

$Zip = Join-Path $Out "smarketing-workshop-$Version-windows-x64.zip"
Compress-Archive -Force -Path $Bundle -DestinationPath $Zip
Write-Host $Msi
Write-Host $Zip
