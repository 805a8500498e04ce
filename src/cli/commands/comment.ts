/** `nuage comment github --repo owner/name --pr 42 --file comment.md`: create or update the cost comment. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { COMMENT_MARKER } from '../../plan/render/comment.js';
import { markerOf, upsertComment } from '../../github/comments.js';
import { globalOptions, pickFormat, withGlobalOptions, type CliContext, type CommandModule } from '../context.js';
import { readUserText } from '../files.js';

const FORMATS = ['text', 'json'] as const;

export const commentCommands: CommandModule = (program: Command, ctx: CliContext) => {
  const comment = program.command('comment').description('post reports as pull-request comments');
  withGlobalOptions(
    comment
      .command('github')
      .description('create the cost comment on a GitHub pull request, or update the one carrying its marker')
      .requiredOption('--repo <owner/name>', 'repository (default $GITHUB_REPOSITORY)', ctx.io.env.GITHUB_REPOSITORY)
      .requiredOption('--pr <number>', 'pull request number')
      .requiredOption('--file <comment.md>', 'comment body (nuage diff --format github-comment)'),
    FORMATS,
  ).action(async (flags: { repo: string; pr: string; file: string }, cmd: Command) => {
    const format = pickFormat((await globalOptions(cmd, ctx.io)).format, FORMATS);
    const token = ctx.io.env.GITHUB_TOKEN;
    if (!token) throw new UsageError('GITHUB_TOKEN is not set: export a token allowed to write pull-request comments');
    // Digits only: Number() would read "1e2" as PR 100 and "0x2a" as PR 42.
    const pr = /^\d+$/.test(flags.pr) ? Number(flags.pr) : NaN;
    if (!Number.isSafeInteger(pr) || pr <= 0) throw new UsageError(`--pr expects a pull request number, got "${flags.pr}"`);
    let body = readUserText(ctx.io, flags.file, 'comment body (Markdown)');
    if (!markerOf(body)) body = `${COMMENT_MARKER}\n${body}`;
    const apiUrl = (ctx.io.env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
    const r = await upsertComment({ apiUrl, token, repo: flags.repo, pr }, body);
    ctx.io.stdout(format === 'json' ? JSON.stringify({ action: r.action, commentId: r.id, url: r.url }, null, 2) + '\n' : `${r.action} comment ${r.id}${r.url ? ` ${r.url}` : ''}\n`);
  });
};
