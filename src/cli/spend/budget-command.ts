import type { Command } from "commander";
import type { CliContext } from "../context.js";
export function spendBudgetCommand(_g: Command, _c: CliContext): void {}
