import type { Command } from "commander";
import type { CliContext } from "../context.js";
export function spendPullCommand(_g: Command, _c: CliContext): void {}
