// The one door to @peculiar/x509. It resolves its algorithms through tsyringe, which throws at load
// unless a Reflect metadata polyfill is already installed, so the polyfill is imported first here and
// every other file imports the library through this module.
import "reflect-metadata";

export * from "@peculiar/x509";
