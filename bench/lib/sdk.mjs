// Loads the packages under test. They are built by other teams and may not have landed yet: a missing export is
// reported as a skipped figure, never as a crash of the whole suite.

const FALLBACK_CREDENTIALS = {
  publicKey: 'bench-public-key',
  privateKey: 'bench-private-key-0123456789abcdef0123456789abcdef',
}

export async function loadSdk() {
  const [ucdn, signer, mock] = await Promise.all([
    tryImport('@scloud/ucdn'),
    tryImport('@scloud/signer'),
    tryImport('@scloud/ucdn-mock'),
  ])
  const missing = []
  if (typeof ucdn?.UcdnClient !== 'function') missing.push('@scloud/ucdn UcdnClient')
  if (typeof signer?.signParams !== 'function') missing.push('@scloud/signer signParams')
  const demo = mock?.DEMO_CREDENTIALS
  return {
    ucdn,
    signer,
    mock,
    missing,
    // Plain values so both sides send the same key pair; the SDK gets the same object it would in real use.
    credentials: demo ? { publicKey: demo.publicKey, privateKey: demo.privateKey } : FALLBACK_CREDENTIALS,
    credentialsSource: demo ? '@scloud/ucdn-mock DEMO_CREDENTIALS' : 'bench fallback pair',
  }
}

async function tryImport(name) {
  try {
    return await import(name)
  } catch {
    return undefined
  }
}

/** The reason a figure cannot run, or undefined when `needs` are all present. */
export function missingFor(sdk, needs) {
  const gone = sdk.missing.filter((m) => needs.some((n) => m.startsWith(n)))
  return gone.length === 0 ? undefined : `not landed/built yet: ${gone.join(', ')}`
}
