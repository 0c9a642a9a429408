#!/usr/bin/env python3
"""Plots Prometheus scrapes of the service as the Grafana dashboard's panels (docs/grafana/registration.json),
with the same queries worked out by hand: rates between consecutive scrapes, quantiles from the histogram buckets.
Standard library and gnuplot only, so that it runs where the service does.

    bench/dashboard-plot.py SCRAPES_DIR PHASES_FILE OUT.png

SCRAPES_DIR holds one /actuator/prometheus answer per file, named by its Unix time (bench/dashboard-run.sh);
PHASES_FILE has "unix_time what" lines, drawn as markers.
"""
import collections
import math
import os
import re
import subprocess
import sys
import tempfile

SERIES = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')
QUANTILE_WINDOW = 5  # scrapes: like rate(...[5s]) at a 1 s scrape interval


def parse(path):
    series = {}
    with open(path) as f:
        for line in f:
            m = SERIES.match(line.strip())
            if not m or line.startswith('#'):
                continue
            labels = tuple(sorted(LABEL.findall(m.group(2) or '')))
            series[(m.group(1), labels)] = float(m.group(3))
    return series


def select(scrape, name, by=(), where=None):
    """Sums the series of a name, grouped by the labels in `by`, keeping those whose labels match `where`."""
    out = collections.defaultdict(float)
    for (n, labels), value in scrape.items():
        if n != name:
            continue
        d = dict(labels)
        if where and any(not re.fullmatch(v, d.get(k, '')) for k, v in where.items()):
            continue
        out[tuple(d.get(k, '') for k in by)] += value
    return out


def rate(scrapes, i, name, by=(), where=None, window=1):
    (t0, a), (t1, b) = scrapes[i - window], scrapes[i]
    before, after = select(a, name, by, where), select(b, name, by, where)
    return {k: max(after[k] - before.get(k, 0), 0) / (t1 - t0) for k in after}


def quantile(q, scrapes, i, name, where):
    """histogram_quantile(q, sum by (le) (rate(name_bucket[window]))), linear within a bucket as Prometheus does."""
    if i < QUANTILE_WINDOW:
        return math.nan
    buckets = rate(scrapes, i, name + '_bucket', ('le',), where, QUANTILE_WINDOW)
    bounds = sorted(((float(le[0]), v) for le, v in buckets.items()), key=lambda b: b[0])
    if not bounds or bounds[-1][1] == 0:
        return math.nan
    rank, lower, below = q * bounds[-1][1], 0.0, 0.0
    for upper, count in bounds:
        if count >= rank:
            if math.isinf(upper):
                return lower
            return lower + (upper - lower) * (rank - below) / max(count - below, 1e-12)
        lower, below = upper, count
    return math.nan


def main(scrapes_dir, phases_file, out):
    files = sorted(os.listdir(scrapes_dir), key=lambda f: float(f[:-4]))
    scrapes = [(float(f[:-4]), parse(os.path.join(scrapes_dir, f))) for f in files]
    start = scrapes[0][0]
    columns = collections.OrderedDict()

    def put(column, i, value):
        columns.setdefault(column, {})[i] = value

    for i in range(1, len(scrapes)):
        for (command, outcome), v in rate(scrapes, i, 'registration_commands_seconds_count',
                                          ('command', 'outcome')).items():
            put(f'{command} {outcome}', i, v)
        for (reason,), v in rate(scrapes, i, 'registration_rejections_total', ('reason',)).items():
            put(f'rejected: {reason}', i, v)
        for q in (0.5, 0.99):
            put(f'register_customer p{int(q * 100)}', i, 1000 * quantile(
                q, scrapes, i, 'registration_commands_seconds',
                {'command': 'register_customer', 'outcome': 'accepted'}))
            put(f'HTTP p{int(q * 100)}', i, 1000 * quantile(
                q, scrapes, i, 'http_server_requests_seconds', {'uri': '/api/customers', 'method': 'POST'}))
        sums = rate(scrapes, i, 'registration_group_commit_size_sum')
        counts = rate(scrapes, i, 'registration_group_commit_size_count')
        put('transactions/s', i, counts.get((), 0))
        put('commands per transaction', i, sums.get((), 0) / counts[()] if counts.get(()) else math.nan)
        scrape = scrapes[i][1]
        for (projection,), v in select(scrape, 'registration_projection_lag_events', ('projection',)).items():
            put(f'lag {projection}', i, v)
        for (projection,), v in select(scrape, 'registration_replay_events_per_second', ('projection',)).items():
            put(f'replay {projection}', i, v)
        for (outcome,), v in rate(scrapes, i, 'registration_webhook_deliveries_total', ('outcome',)).items():
            put(f'deliveries {outcome}', i, v)
        put('backlog', i, select(scrape, 'registration_webhook_backlog').get((), math.nan))
        put('oldest pending s', i, select(scrape, 'registration_webhook_oldest_pending_seconds').get((), math.nan))
        cache = rate(scrapes, i, 'registration_seller_cache_total', ('result',))
        looked = cache.get(('hit',), 0) + cache.get(('miss',), 0)
        put('seller cache hit %', i, 100 * cache.get(('hit',), 0) / looked if looked else math.nan)
        put('snapshots/s', i, rate(scrapes, i, 'registration_snapshots_total').get((), 0))
        put('heap used MiB', i, select(scrape, 'jvm_memory_used_bytes', where={'area': 'heap'}).get((), 0) / 2**20)
        put('connections active', i, select(scrape, 'hikaricp_connections_active').get((), 0))
        put('connections pending', i, select(scrape, 'hikaricp_connections_pending').get((), 0))

    names = list(columns)
    data = tempfile.NamedTemporaryFile('w', suffix='.dat', delete=False)
    with data:
        data.write('# t ' + ' | '.join(names) + '\n')
        for i in range(1, len(scrapes)):
            values = [columns[n].get(i, math.nan) for n in names]
            data.write(f'{scrapes[i][0] - start:.1f} ' + ' '.join('NaN' if math.isnan(v) else f'{v:.4f}'
                                                                   for v in values) + '\n')
    phases = []
    with open(phases_file) as f:
        for line in f:
            t, what = line.rstrip('\n').split(' ', 1)
            phases.append((float(t) - start, what))

    def col(name):
        return names.index(name) + 2

    def lines(matching, axis='x1y1'):
        return ', '.join(f"'{data.name}' using 1:{col(n)} with lines lw 2 title '{n}' axes {axis}"
                         for n in names if re.search(matching, n)
                         and any(v > 0 for v in columns[n].values() if not math.isnan(v)))

    panels = [
        ('Commands/s by command and outcome', 'commands/s', lines(r'^(register|update|delete|issue|change|revoke)'
                                                                   r'\w* (accepted|rejected|conflict_retried|failed)$'),
         None),
        ('Create latency (ms): command, and POST /api/customers', 'ms', lines(r'p(50|99)$'), 'set logscale y'),
        ('Rejections/s by reason', 'rejections/s', lines(r'^rejected: '), None),
        ('Group commit: transactions/s and commands per transaction', 'transactions/s',
         lines(r'^transactions/s$') + ', ' + lines(r'^commands per transaction$', 'x1y2'), 'set y2tics'),
        ('Projection lag (events) and replay rate (events/s)', 'events',
         lines(r'^lag ') + ', ' + lines(r'^replay ', 'x1y2'), 'set y2tics'),
        ('Webhook deliveries/s by outcome, backlog', 'deliveries/s',
         lines(r'^deliveries ') + ', ' + lines(r'^(backlog|oldest pending s)$', 'x1y2'), 'set y2tics'),
        ('Seller cache hit ratio (%), snapshots/s', '%',
         lines(r'^seller cache hit %$') + ', ' + lines(r'^snapshots/s$', 'x1y2'), 'set y2tics; set yrange [0:105]'),
        ('JVM heap (MiB), pool connections', 'MiB',
         lines(r'^heap used MiB$') + ', ' + lines(r'^connections (active|pending)$', 'x1y2'), 'set y2tics'),
    ]
    script = [
        f"set terminal pngcairo size 1800,1900 font 'DejaVu Sans,10'",
        f"set output '{out}'",
        'set multiplot layout 4,2 title "Customer registration: the dashboard\'s panels over a '
        'bench/dashboard-run.sh run (scraped every second)" font ",14"',
        "set termoption noenhanced", "set grid", "set key top left font ',8' opaque", "set xlabel 'seconds'",
        f"set xrange [0:{scrapes[-1][0] - start:.0f}]",
    ]
    for t, what in phases:
        if what != 'end':
            script.append(f"set arrow from {t:.1f}, graph 0 to {t:.1f}, graph 1 nohead dt 2 lc rgb '#888888'")
    for title, ylabel, plots, extra in panels:
        script += ['unset logscale', 'unset y2tics', 'set autoscale y', "set ytics nomirror", f"set title '{title}'",
                   f"set ylabel '{ylabel}'"]
        if extra:
            script.append(extra)
        script.append('plot ' + (plots.strip(', ') or "NaN title 'no data'"))
    script.append('unset multiplot')
    subprocess.run(['gnuplot'], input='\n'.join(script), text=True, check=True)
    os.unlink(data.name)
    print(f'{out}: {len(scrapes)} scrapes over {scrapes[-1][0] - start:.0f} s; phases: '
          + '; '.join(f'{t:.0f} s {w}' for t, w in phases))


if __name__ == '__main__':
    main(*sys.argv[1:4])
