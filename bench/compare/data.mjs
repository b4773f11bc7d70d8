// Data files for bench/compare.mjs, written at bench time from the project's own files:
//  - the sample incident for TimelineJS (its JSON format) and its metrics for Chart.js, from
//    public/samples/cookie-catastrophe.json (the CLI's `convert --to json` of the sample text;
//    tests/cli.rs keeps it in sync) and public/cookie-catastrophe.metrics.csv;
//  - plain-text postmortems of N synthetic events, the app's `?synthetic=N` written in the text
//    format it reads (the app opens them with `?src=`).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { syntheticEvents } from './synthetic.js';

/** "2024-01-15T10:00:00-05:00" → TimelineJS's date parts, as written (the incident's zone). */
function timelineDate(iso) {
  const [, year, month, day, hour, minute] = iso.match(/^(\d+)-(\d+)-(\d+)T(\d+):(\d+)/).map(Number);
  return { year, month, day, hour, minute };
}

/** The sample incident in TimelineJS 3's JSON: a title slide and one slide per event. */
export async function sampleTimelineJs(root) {
  const incident = JSON.parse(await readFile(join(root, 'public/samples/cookie-catastrophe.json'), 'utf8'));
  return {
    title: { text: { headline: incident.title, text: `<p>${incident.impact.text}</p><p>${incident.root_cause}</p>` } },
    events: incident.timeline.map((event) => ({
      start_date: timelineDate(event.at),
      text: { headline: event.at.slice(11, 16), text: `<p>${event.text}</p>` },
    })),
  };
}

/**
 * The sample's metrics as { series name: [[epoch ms, value], ...] }: every series the app's
 * chart draws for the sample (error rate and p95 latency).
 */
export async function sampleSeries(root) {
  const csv = await readFile(join(root, 'public/cookie-catastrophe.metrics.csv'), 'utf8');
  const series = {};
  for (const line of csv.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('timestamp,')) continue;
    const [at, value, name] = line.split(',');
    (series[name] ??= []).push([Date.parse(at), Number(value)]);
  }
  return series;
}

const pad = (n) => String(n).padStart(2, '0');

/** `?synthetic=N` as a plain-text postmortem: the same title, day, impact and events. */
export function eventsText(events) {
  const lines = syntheticEvents(events).map(({ ms, text }) => {
    const s = ms / 1000;
    return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}: ${text}`;
  });
  return [
    `Postmortem: Synthetic incident: ${events} events, 0 samples`,
    '',
    'Issue Summary:',
    'Duration: January 15, 2024, 12:00 AM - January 15, 2024, 11:59:59 PM (UTC)',
    'Impact: Synthetic load for benchmarks, affecting 40% of users.',
    '',
    'Timeline:',
    ...lines,
    '',
  ].join('\n');
}

/** Writes every data file the reference pages and the app's `?src=` cases read into `dir`. */
export async function writeData(root, dir, eventSizes) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'sample-timelinejs.json'), JSON.stringify(await sampleTimelineJs(root)));
  await writeFile(join(dir, 'sample-series.json'), JSON.stringify(await sampleSeries(root)));
  for (const n of eventSizes) await writeFile(join(dir, `events-${n}.txt`), eventsText(n));
}
