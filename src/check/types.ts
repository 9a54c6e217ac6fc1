/** The shapes `archive check` works on: plain texts in, issues and fixes out. */
import type { ContentIssue } from '../content/schema.ts';
import type { Registry } from '../content/registry.ts';
import type { IncidentSystem } from '../content/incidents.ts';

/** One article file as read from disk: its display name and its whole text. */
export interface SourceText {
  file: string;
  text: string;
}

/** An issue as `check` reports it. Every issue fails the check; severity says how bad it is. */
export interface CheckIssue extends ContentIssue {
  /** `error`: the article is unreadable or the build refuses it; `warning`: the archive is inconsistent (spellings, copies, links). */
  severity: 'error' | 'warning';
}

/** The registries `check` compares names against (`content/_data/*.yaml`), with the file each came from. */
export interface CheckRegistries {
  tags?: { file: string; registry: Registry };
  people?: { file: string; registry: Registry };
  organizations?: { file: string; registry: Registry };
}

/** Everything one `check` run needs; the clock is passed in so tests fix the day. */
export interface CheckInput {
  /** Every article of the archive: the context for tags, duplicates and links. */
  articles: readonly SourceText[];
  /** Report issues for these files only (default: all of `articles`). */
  only?: ReadonlySet<string>;
  registries?: CheckRegistries;
  /** The record systems incident identifiers resolve through, and the file they come from (named even when it does not exist). */
  incidentSystems?: { file: string; systems: readonly IncidentSystem[] };
  /** Today, `YYYY-MM-DD`: later dates are in the future. */
  today: string;
  /**
   * Propose registry entries for the people and organizations named in at
   * least `min` articles that their registry lacks (src/check/proposals.ts),
   * into `files` where there is no registry yet; only for a whole-archive check.
   */
  proposals?: { min: number; files: { people: string; organizations: string } };
}
