// Windows ("run now"), evaluations (realisasi, penilaian), keberatan, continuous feedback, organisation
// predikat, calibration, finalisation and reopening.

import * as z from 'zod';
import { idParamsSchema, idSchema } from '../../../shared/contract/common.ts';
import {
  calibrationSchema,
  evaluationSchema,
  feedbackInputSchema,
  finalizeInputSchema,
  keberatanDecisionSchema,
  keberatanInputSchema,
  orgPredikatInputSchema,
  penilaianInputSchema,
  realisasiInputSchema,
  reopenInputSchema,
  unitWindowParamsSchema,
  windowKeySchema,
  windowParamsSchema,
  windowStateSchema,
} from '../../../shared/contract/evaluations.ts';
import type { Evaluation } from '../../../shared/domain/evaluation/types.ts';
import type { Deps } from '../../deps.ts';
import { runDueSteps } from '../../jobs/due-steps.ts';
import { type Caller, signedInCaller } from '../../services/access-service.ts';
import {
  calibration,
  finalizeUnit,
  reopenWindow,
  setOrgPredikat,
} from '../../services/calibration-service.ts';
import type { RequestContext } from '../../services/context.ts';
import {
  getEvaluation,
  listEvaluations,
  savePenilaian,
  saveRealisasi,
  teamEvaluations,
} from '../../services/evaluation-service.ts';
import { addFeedback, listFeedback } from '../../services/feedback-service.ts';
import { decideKeberatan, fileKeberatan, listKeberatan } from '../../services/keberatan-service.ts';
import { windowStates } from '../../services/window-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['Evaluasi'];
const evalParams = z.object({ id: idSchema, periodId: idSchema, windowKey: windowKeySchema });
const base = '/api/employees/:id/evaluations/:periodId/:windowKey';
const changed = {
  200: ok(evaluationSchema, 'Evaluasi'),
  403: problems[403],
  404: problems[404],
  409: problems[409],
  422: problems[422],
};

/** A change to one evaluation by the signed-in caller; the service decides whether they may make it. */
function evaluationChange<B extends z.ZodType>(
  deps: Deps,
  method: 'put' | 'post',
  suffix: string,
  summary: string,
  body: B,
  run: (
    deps: Deps,
    caller: Caller,
    employeeId: string,
    periodId: string,
    windowKey: string,
    body: z.infer<B>,
    ctx: RequestContext,
  ) => Promise<Evaluation>,
) {
  return defineRoute(
    {
      method,
      path: `${base}/${suffix}`,
      access: { employee: 'id' },
      tags,
      summary,
      params: evalParams,
      body,
      responses: changed,
    },
    async (c, { params, body: input }) =>
      c.json(
        await run(
          deps,
          signedInCaller(c.var.principal),
          params.id,
          params.periodId,
          params.windowKey,
          input as z.infer<B>,
          c.var.ctx,
        ),
        200,
      ),
  );
}

export const evaluationRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/keberatan',
      access: 'adminAll',
      tags,
      summary: 'Semua keberatan dalam satu periode, terbaru dahulu (Biro SDM)',
      params: idParamsSchema,
      responses: { 200: ok(z.object({ items: z.array(evaluationSchema) }), 'Keberatan') },
    },
    async (c, { params }) => c.json({ items: await listKeberatan(deps, params.id, null) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/me/keberatan',
      access: 'signedIn',
      tags,
      summary: 'Keberatan yang menunggu keputusan saya sebagai atasan pejabat penilai',
      query: z.object({ periodId: idSchema }),
      responses: { 200: ok(z.object({ items: z.array(evaluationSchema) }), 'Keberatan') },
    },
    async (c, { query }) =>
      c.json(
        { items: await listKeberatan(deps, query.periodId, signedInCaller(c.var.principal).employeeId) },
        200,
      ),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/windows',
      access: 'signedIn',
      tags,
      summary: 'Jendela kalender periode dan statusnya (terjadwal, dibuka, ditutup)',
      params: idParamsSchema,
      responses: { 200: ok(z.object({ items: z.array(windowStateSchema) }), 'Jendela'), 404: problems[404] },
    },
    async (c, { params }) => c.json({ items: await windowStates(deps, params.id) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/jobs/tick',
      access: 'adminAll',
      tags,
      summary: 'Jalankan penjadwal sekarang: buka/tutup jendela yang jatuh tempo, pengingat, kirim surel',
      responses: { 200: ok(z.object({ at: z.string() }).loose(), 'Ringkasan') },
    },
    async (c) => {
      const summary = await runDueSteps(deps, deps.clock.now());
      // Mail and exports have their own runners (the stream in AWS, in-process locally): nudge them.
      deps.mail.kick();
      deps.exports.kick();
      return c.json(summary, 200);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/evaluations',
      access: { employee: 'id' },
      tags,
      summary: 'Evaluasi seorang pegawai (semua periode dan jendela)',
      params: idParamsSchema,
      responses: { 200: ok(z.object({ items: z.array(evaluationSchema) }), 'Evaluasi'), 404: problems[404] },
    },
    async (c, { params }) => c.json({ items: await listEvaluations(deps, params.id) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: base,
      access: { employee: 'id' },
      tags,
      summary: 'Satu evaluasi',
      params: evalParams,
      responses: { 200: ok(evaluationSchema, 'Evaluasi'), 404: problems[404] },
    },
    async (c, { params }) =>
      c.json(await getEvaluation(deps, params.id, params.periodId, params.windowKey), 200),
  ),
  evaluationChange(
    deps,
    'put',
    'realisasi',
    'Pegawai mengisi realisasi dan bukti dukung per RHK/IKI (selama jendela dibuka)',
    realisasiInputSchema,
    saveRealisasi,
  ),
  evaluationChange(
    deps,
    'put',
    'penilaian',
    'Pejabat penilai: umpan balik, Rating Hasil Kerja dan Rating Perilaku Kerja; predikat dari matriks',
    penilaianInputSchema,
    savePenilaian,
  ),
  evaluationChange(
    deps,
    'post',
    'keberatan',
    'Pegawai mengajukan keberatan atas predikat final kepada atasan pejabat penilai (14 hari)',
    keberatanInputSchema,
    (d, caller, id, periodId, key, body, ctx) =>
      fileKeberatan(d, caller, id, periodId, key, body.alasan, ctx),
  ),
  evaluationChange(
    deps,
    'put',
    'keberatan/keputusan',
    'Atasan pejabat penilai memutuskan keberatan (ubah atau tetap); final',
    keberatanDecisionSchema,
    decideKeberatan,
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/feedback',
      access: { employee: 'id' },
      tags,
      summary: 'Umpan balik berkelanjutan untuk seorang pegawai',
      params: idParamsSchema,
      responses: {
        200: ok(z.object({ items: z.array(z.object({ id: z.string() }).loose()) }), 'Umpan balik'),
      },
    },
    async (c, { params }) => c.json({ items: await listFeedback(deps, params.id) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees/:id/feedback',
      access: { employee: 'id' },
      tags,
      summary: 'Pejabat penilai menulis umpan balik berkelanjutan (kapan saja sepanjang tahun)',
      params: idParamsSchema,
      body: feedbackInputSchema,
      responses: { 201: ok(z.object({ id: z.string() }).loose(), 'Tersimpan'), 403: problems[403] },
    },
    async (c, { params, body }) =>
      c.json(await addFeedback(deps, signedInCaller(c.var.principal), params.id, body, c.var.ctx), 201),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/me/team-evaluations',
      access: 'signedIn',
      tags,
      summary: 'Evaluasi pegawai yang saya nilai dalam satu jendela',
      query: z.object({ periodId: idSchema, windowKey: windowKeySchema }),
      responses: { 200: ok(z.object({ items: z.array(evaluationSchema) }), 'Tim') },
    },
    async (c, { query }) => {
      const me = signedInCaller(c.var.principal);
      return c.json(
        { items: await teamEvaluations(deps, me.employeeId, query.periodId, query.windowKey) },
        200,
      );
    },
  ),
  defineRoute(
    {
      method: 'put',
      path: '/api/periods/:id/windows/:windowKey/units/:unitId/predikat',
      access: 'signedIn',
      tags,
      summary: 'Pimpinan satu tingkat di atas (atau Biro SDM) menetapkan capaian kinerja organisasi unit',
      params: unitWindowParamsSchema,
      body: orgPredikatInputSchema,
      responses: {
        200: ok(z.object({ predikat: z.string() }).loose(), 'Ditetapkan'),
        403: problems[403],
        409: problems[409],
      },
    },
    async (c, { params, body }) =>
      c.json(
        await setOrgPredikat(
          deps,
          signedInCaller(c.var.principal),
          params.id,
          params.windowKey,
          params.unitId,
          body,
          c.var.ctx,
        ),
        200,
      ),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/windows/:windowKey/calibration',
      access: 'admin',
      tags,
      summary:
        'Kalibrasi: distribusi predikat tiap unit terhadap polanya, dengan pelanggaran (dari penghitung)',
      params: windowParamsSchema,
      responses: { 200: ok(calibrationSchema, 'Kalibrasi'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await calibration(deps, params.id, params.windowKey), 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/periods/:id/windows/:windowKey/units/:unitId/finalize',
      access: 'adminAll',
      tags,
      summary:
        'Finalkan predikat unit (pelanggaran pola: justifikasi atau diblokir, sesuai kebijakan periode)',
      params: unitWindowParamsSchema,
      body: finalizeInputSchema,
      responses: {
        200: ok(z.object({ final: z.boolean() }).loose(), 'Final'),
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { params, body }) =>
      c.json(await finalizeUnit(deps, params.id, params.windowKey, params.unitId, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/periods/:id/windows/:windowKey/reopen',
      access: 'adminAll',
      tags,
      summary:
        'Buka kembali jendela yang ditutup untuk satu pegawai atau satu unit, sampai waktu tertentu (beralasan)',
      params: windowParamsSchema,
      body: reopenInputSchema,
      responses: { 200: ok(z.object({ sampai: z.string() }).loose(), 'Dibuka kembali'), 404: problems[404] },
    },
    async (c, { params, body }) =>
      c.json(await reopenWindow(deps, params.id, params.windowKey, body, c.var.ctx), 200),
  ),
];
