#!/usr/bin/env node
// Meridian runs its TypeScript sources directly: tsx compiles each module on first load and caches it.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
