/**
 * Incidents: the articles grouped by the incident records they name, each
 * incident with its record system, its record's address and its reports
 * oldest first. Pure: articles and record systems in, incidents out.
 */
import type { Article } from '../content/article.ts';
import { incidentPageUrl, incidentRecordUrl, parseIncidentId, type IncidentSystem } from '../content/incidents.ts';
import { reportRows, sourceOutletRef, type OutletOf, type ReportRow } from './reports.ts';
import { compareCodePoints } from './names.ts';
import { compareOldestFirst } from './order.ts';

/** One incident record and the reports of it in the archive. */
export interface Incident {
  /** `eurepoc:1234`, as articles write it. */
  id: string;
  /** The record's own id, after the prefix. */
  recordId: string;
  system: IncidentSystem;
  /** Its page: `/incidents/PREFIX/ID/`. */
  url: string;
  /** The record at its system. */
  recordUrl: string;
  /** Oldest first. */
  articles: Article[];
  /** Who reported it, what and when: one row per article, oldest first. */
  reports: ReportRow[];
  /** The outlets that reported it, in the order of their first report. */
  outlets: string[];
}

/** What an article page shows of one incident it names. */
export interface IncidentLink {
  id: string;
  url: string;
  recordUrl: string;
  systemName: string;
}

/** The incidents of the archive, system by system in the registry's order, ids in code point order. */
export interface IncidentIndex {
  incidents: Incident[];
  systems: { system: IncidentSystem; incidents: Incident[] }[];
  /** Each incident by its id. */
  byId: Map<string, Incident>;
}

/**
 * Groups `articles` by incident. Every identifier's prefix must be one of
 * `systems` (the store refuses any other before the archive is computed), so
 * one that is not is a bug here, not a content error.
 */
export function incidentIndex(
  articles: readonly Article[],
  systems: readonly IncidentSystem[],
  /** The outlet of an article, as the site names it (src/collections/indexes.ts). */
  outletOf: OutletOf = sourceOutletRef,
): IncidentIndex {
  const systemOf = new Map(systems.map((system) => [system.prefix, system]));
  const byId = new Map<string, Incident>();
  for (const article of articles) {
    for (const id of article.incidents) {
      let incident = byId.get(id);
      if (!incident) {
        const parsed = parseIncidentId(id);
        const system = parsed && systemOf.get(parsed.prefix);
        if (!parsed || !system) throw new Error(`${article.file}: incident ${id} has no record system`);
        incident = {
          id,
          recordId: parsed.id,
          system,
          url: incidentPageUrl(id),
          recordUrl: incidentRecordUrl(system, id),
          articles: [],
          reports: [],
          outlets: [],
        };
        byId.set(id, incident);
      }
      incident.articles.push(article);
    }
  }
  for (const incident of byId.values()) {
    incident.articles.sort(compareOldestFirst);
    ({ rows: incident.reports, outlets: incident.outlets } = reportRows(incident.articles, outletOf));
  }
  const grouped = systems
    .map((system) => ({
      system,
      incidents: [...byId.values()]
        .filter((incident) => incident.system === system)
        .sort((a, b) => compareCodePoints(a.recordId, b.recordId)),
    }))
    .filter((group) => group.incidents.length > 0);
  return { incidents: grouped.flatMap((group) => group.incidents), systems: grouped, byId };
}

/** The links an article page shows for the incidents `article` names, in the order it names them. */
export function incidentLinks(index: IncidentIndex, article: Article): IncidentLink[] {
  return article.incidents.map((id) => {
    const incident = index.byId.get(id)!;
    return { id, url: incident.url, recordUrl: incident.recordUrl, systemName: incident.system.name };
  });
}
