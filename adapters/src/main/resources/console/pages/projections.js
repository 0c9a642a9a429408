// Projections: where each read model is against the event store, replays with live progress, and verifies.
import {api} from '../api.js';
import {count, fill, h, notice} from '../dom.js';

/** How often the page asks for progress while a replay runs. */
const POLL_MS = 500;

export async function projectionsPage({main, onLeave, failed}) {
  const tableHolder = h('div', {id: 'projections'});
  const status = h('div', {id: 'projection-status', 'aria-live': 'polite'});
  const verification = h('div', {id: 'verification', 'aria-live': 'polite'});
  let timer = null;
  let watched = null;
  onLeave(() => clearTimeout(timer));

  async function load() {
    clearTimeout(timer);
    let projections;
    try {
      projections = (await api.projections()).data;
    } catch (failure) {
      failed(failure);
      return;
    }
    const running = projections.find(p => p.replaying);
    fill(tableHolder, table(projections, Boolean(running)));
    if (running) {
      watched = running.name;
      fill(status, progress(running));
      timer = setTimeout(load, POLL_MS);
    } else if (watched) {
      const done = projections.find(p => p.name === watched);
      fill(status, notice('success', `Replay of ${watched} complete: at ${count(done.position)} of ` +
          `${count(done.head)} events.`));
      watched = null;
    }
  }

  function table(projections, busy) {
    return h('div', {class: 'table-wrap'}, h('table', {class: 'data responsive', id: 'projections-table'},
        h('caption', {class: 'visually-hidden'}, 'Projections'),
        h('thead', {}, h('tr', {}, ['Projection', 'Position', 'Head', 'Lag', 'State', 'Actions']
            .map(title => h('th', {scope: 'col'}, title)))),
        h('tbody', {}, projections.map(p => h('tr', {'data-projection': p.name},
            h('th', {scope: 'row', 'data-label': 'Projection'}, p.name),
            h('td', {'data-label': 'Position', class: 'number'}, count(p.position)),
            h('td', {'data-label': 'Head', class: 'number'}, count(p.head)),
            h('td', {'data-label': 'Lag', class: 'number'}, count(p.lag)),
            h('td', {'data-label': 'State'}, p.replaying
                ? h('span', {class: 'badge warn'}, 'Replaying')
                : p.lag === 0 ? h('span', {class: 'badge good'}, 'Current') : h('span', {class: 'badge'}, 'Behind')),
            h('td', {'data-label': 'Actions', class: 'row-actions'}, h('div', {class: 'buttons'},
                h('button', {class: 'button small', type: 'button', disabled: busy, 'data-action': 'replay',
                  'aria-label': `Replay ${p.name}`, onclick: () => replay(p.name)}, 'Replay'),
                h('button', {class: 'button small', type: 'button', disabled: busy, 'data-action': 'verify',
                  'aria-label': `Verify ${p.name}`, onclick: () => verify(p.name)}, 'Verify'))))))));
  }

  async function replay(name) {
    fill(verification);
    try {
      const started = await api.replay(name);
      watched = started.name;
      fill(status, progress(started));
    } catch (failure) {
      if (failure.status === 409) fill(status, notice('error', failure.message));
      else failed(failure);
    }
    await load();
  }

  async function verify(name) {
    fill(verification, notice('info', `Verifying ${name}: rebuilding beside the live tables and comparing…`));
    for (const button of tableHolder.querySelectorAll('button')) button.disabled = true;
    try {
      fill(verification, result(await api.verify(name)));
    } catch (failure) {
      if (failure.status === 409) fill(verification, notice('error', failure.message));
      else failed(failure);
    }
    await load();
  }

  fill(main,
      h('div', {class: 'page-head'}, h('h1', {tabindex: '-1'}, 'Projections'),
          h('button', {class: 'button', type: 'button', onclick: load}, 'Refresh')),
      h('p', {class: 'muted'}, 'Each read model is built from the event store. A replay rebuilds it from every ' +
          'event while the service keeps answering; a verify rebuilds it aside and compares, changing nothing.'),
      tableHolder, status, verification);
  await load();
}

function progress(p) {
  const label = `Replaying ${p.name}: ${count(p.position)} of ${count(p.head)} events`;
  return h('div', {class: 'card progress-card', id: 'replay-progress'},
      h('p', {}, h('strong', {}, label), ' · ', `${count(p.events_per_second)} events/s`),
      h('progress', {max: Math.max(p.head, 1), value: Math.min(p.position, Math.max(p.head, 1)), 'aria-label': label}));
}

function result(verification) {
  if (verification.equal) {
    return notice('success', `${verification.name} verified: the tables equal a rebuild from ` +
        `${count(verification.events)} events.`);
  }
  return h('div', {class: 'card'},
      notice('error', `${verification.name} differs from a rebuild from ${count(verification.events)} events.`),
      h('div', {class: 'table-wrap'}, h('table', {class: 'data responsive', id: 'differences'},
          h('thead', {}, h('tr', {}, ['Table', 'Missing rows', 'Unexpected rows', 'Sample ids']
              .map(title => h('th', {scope: 'col'}, title)))),
          h('tbody', {}, verification.differences.map(d => h('tr', {},
              h('th', {scope: 'row', 'data-label': 'Table'}, d.table),
              h('td', {'data-label': 'Missing rows', class: 'number'}, count(d.missing)),
              h('td', {'data-label': 'Unexpected rows', class: 'number'}, count(d.unexpected)),
              h('td', {'data-label': 'Sample ids'}, d.sample_ids.map(id => h('code', {class: 'sample'}, id)))))))));
}
