// The charts of /laporan/, drawn with uPlot on canvas (its sizes and positions are set through the CSSOM, which
// the site's CSP allows): completion over time as lines, a unit's predikat shares as bars with the limits of
// its distribution pattern. Each chart's host is a role="img" with a summary as its name; the numbers are in a
// table beside it, which is what screen readers and keyboards use.

import uPlot from 'uplot';

const DAY = 86_400;
const TEXT = '#4a5363';
const GRID = '#e1e5eb';
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const shortDate = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

export const formatPercent = (value: number): string => `${percent.format(value)}%`;

interface Drawn {
  chart: uPlot;
  observer: ResizeObserver;
}

const drawn = new WeakMap<HTMLElement, Drawn>();

/** Removes the chart drawn in `host` (before drawing another, or when there is nothing to draw). */
export function clearChart(host: HTMLElement): void {
  const old = drawn.get(host);
  old?.observer.disconnect();
  old?.chart.destroy();
  drawn.delete(host);
  host.replaceChildren();
}

/** Draws in `host`, as wide as it is, and keeps it so as the page resizes (a phone turning, a wider window). */
function draw(host: HTMLElement, options: Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData) {
  clearChart(host);
  const height = () => (host.clientWidth < 480 ? 220 : 280);
  const width = () => Math.max(Math.floor(host.clientWidth), 200);
  const chart = new uPlot({ ...options, width: width(), height: height() }, data, host);
  const observer = new ResizeObserver(() => {
    if (chart.width !== width() || chart.height !== height())
      chart.setSize({ width: width(), height: height() });
  });
  observer.observe(host);
  drawn.set(host, { chart, observer });
}

const percentAxis = (): uPlot.Axis => ({
  stroke: TEXT,
  font: FONT,
  size: 48,
  grid: { stroke: GRID, width: 1 },
  ticks: { stroke: GRID, width: 1 },
  splits: () => [0, 25, 50, 75, 100],
  values: (_u, splits) => splits.map((v) => `${v}%`),
});

export interface LineSeries {
  label: string;
  color: string;
  /** Dash pattern, so lines differ by more than colour. */
  dash?: number[];
  /** One value (percent, or null when unknown) per date. */
  values: (number | null)[];
}

/** Lines over WIB calendar dates (YYYY-MM-DD, ascending), 0–100%. */
export function lineChart(host: HTMLElement, dates: string[], series: LineSeries[]): void {
  // A WIB calendar date at UTC midnight, read back in UTC: no time zone can shift the day.
  const xs = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const dots = xs.length <= 45;
  draw(
    host,
    {
      legend: { show: false },
      cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: {
        x: {
          time: true,
          // From the data itself: for a single point uPlot pads a time scale by 86 400 / ms, which with
          // timestamps in seconds is a thousand days. One point gets a week around it instead.
          range: () => {
            const first = xs[0] ?? 0;
            const last = xs.at(-1) ?? first;
            return first === last ? [first - 3 * DAY, last + 3 * DAY] : [first, last];
          },
        },
        y: { auto: false, range: [0, 100] },
      },
      axes: [
        {
          stroke: TEXT,
          font: FONT,
          space: 72,
          // Whole days only: the points are days, and an hour between two of them means nothing.
          incrs: [1, 2, 3, 7, 14, 28, 56, 91, 182, 364].map((days) => days * DAY),
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          values: (_u, splits) => splits.map((s) => shortDate.format(new Date(s * 1000))),
        },
        percentAxis(),
      ],
      series: [
        {},
        ...series.map(
          (s): uPlot.Series => ({
            label: s.label,
            stroke: s.color,
            width: 2.5,
            ...(s.dash ? { dash: s.dash } : {}),
            points: { show: dots, size: 7, fill: s.color, stroke: s.color },
          }),
        ),
      ],
    },
    [xs, ...series.map((s) => s.values)],
  );
}

/** A limit the pattern sets on one bar: at most or at least this share. */
export interface BarLimit {
  kind: 'max' | 'min';
  percent: number;
}

export interface BarChartData {
  /** Under each bar; a line break ("\n") splits a long one. */
  labels: string[];
  /** Used where the plot is narrow (a phone). */
  shortLabels: string[];
  /** Percent per bar. */
  values: number[];
  colors: string[];
  limits: (BarLimit | null)[];
}

/** The pattern's limits as dashed lines across their bars, and each bar's share above it. */
function drawAnnotations(u: uPlot, data: BarChartData): void {
  const { ctx } = u;
  const ratio = uPlot.pxRatio;
  const slot = u.bbox.width / data.values.length;
  ctx.save();
  ctx.font = `${Math.round(12 * ratio)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textAlign = 'center';
  data.values.forEach((value, i) => {
    const cx = u.valToPos(i, 'x', true);
    ctx.fillStyle = '#1a1f2b';
    ctx.textBaseline = 'bottom';
    ctx.fillText(formatPercent(value), cx, u.valToPos(value, 'y', true) - 3 * ratio);
    const limit = data.limits[i];
    if (!limit) return;
    const y = u.valToPos(limit.percent, 'y', true);
    ctx.strokeStyle = '#1a1f2b';
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash([5 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(cx - slot * 0.42, y);
    ctx.lineTo(cx + slot * 0.42, y);
    ctx.stroke();
    ctx.setLineDash([]);
    // Its words beside it ("maks 70%"): right of the line, or left of it for the last bar (the plot's edge).
    const last = i === data.values.length - 1;
    ctx.textAlign = last ? 'right' : 'left';
    ctx.textBaseline = 'middle';
    const words = `${limit.kind === 'max' ? 'maks' : 'min'} ${formatPercent(limit.percent)}`;
    ctx.fillText(words, last ? cx - slot * 0.45 : cx + slot * 0.45, y);
    ctx.textAlign = 'center';
  });
  ctx.restore();
}

/** Bars of shares (0–100%), one per category, each in its own colour. */
export function barChart(host: HTMLElement, data: BarChartData): void {
  const xs = data.values.map((_v, i) => i);
  const bars = uPlot.paths.bars?.({
    size: [0.62, 72],
    disp: { fill: { unit: 3, values: () => data.colors } },
  });
  draw(
    host,
    {
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, auto: false, range: [-0.5, data.values.length - 0.5] },
        y: { auto: false, range: [0, 100] },
      },
      axes: [
        {
          stroke: TEXT,
          font: FONT,
          grid: { show: false },
          ticks: { show: false },
          size: 44,
          splits: () => xs,
          // Two lines fit from about 75 px a bar ("Kurang/" over "Misconduct"); narrower, the short codes.
          values: (u) =>
            u.bbox.width / uPlot.pxRatio / data.values.length < 75 ? data.shortLabels : data.labels,
        },
        percentAxis(),
      ],
      series: [
        {},
        {
          label: 'Persentase pegawai',
          fill: data.colors[0] ?? TEXT,
          width: 0,
          points: { show: false },
          ...(bars ? { paths: bars } : {}),
        },
      ],
      hooks: { draw: [(u) => drawAnnotations(u, data)] },
    },
    [xs, data.values],
  );
}
