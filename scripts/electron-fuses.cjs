// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is signed.
// RunAsNode, NODE_OPTIONS and --inspect are off (the app cannot be turned into a generic Node runtime or debugger);
// the app loads only from its asar archive, whose embedded integrity is validated (macOS and Windows); cookies are
// encrypted. GrantFileProtocolExtraPrivileges stays on because the renderer is loaded from file:// (out/renderer).
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

const FIREBREAK_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

/** The Electron executable electron-builder just laid out in appOutDir. */
function packagedExecutable(context) {
  const { appInfo, executableName } = context.packager;
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') return join(context.appOutDir, `${appInfo.productFilename}.app`);
  if (context.electronPlatformName === 'win32') return join(context.appOutDir, `${appInfo.productFilename}.exe`);
  return join(context.appOutDir, executableName);
}

async function afterPack(context) {
  // Arch.arm64 is 3 in electron-builder: an arm64 macOS binary must be re-signed ad hoc after its bytes change.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(packagedExecutable(context), { ...FIREBREAK_FUSES, resetAdHocDarwinSignature });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FIREBREAK_FUSES = FIREBREAK_FUSES;
