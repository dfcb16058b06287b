/**
 * @peculiar/x509 takes about 0.2 s to load, and a server needs it only to make certificate requests
 * and to summarise certificates: it is loaded when first asked for, not with the package. The imports
 * stay dynamic so that bundlers keep them lazy too. The library resolves its algorithms through
 * tsyringe, which needs the Reflect metadata polyfill installed first.
 */
export async function loadX509(): Promise<typeof import("@peculiar/x509")> {
  await import("reflect-metadata");
  return import("@peculiar/x509");
}
