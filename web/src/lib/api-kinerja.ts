// Typed client for the planning and evaluation screens (SKP Saya, Evaluasi Saya, Penilaian, Keselarasan):
// periods and their windows, SKPs and their workflow, intervensi targets, the penilai's queue and team,
// evaluations, continuous feedback, keberatan, IKU and the alignment tree.
//
// lib/api.ts keeps its request function to itself (only `api` is exported), so the same rules are repeated
// here: same-origin cookie, the CSRF header on writes, the sign-in page on a 401, problem+json as ApiError.

import type { z } from 'zod';
import type { windowStateSchema } from '../../../shared/contract/evaluations.ts';
import type { periodSchema } from '../../../shared/contract/periods.ts';
import type { SkpContent, SkpTransitionInput } from '../../../shared/contract/skp.ts';
import type { PredikatPegawai, Rating } from '../../../shared/domain/evaluation/predikat.ts';
import type { Evaluation, Realisasi } from '../../../shared/domain/evaluation/types.ts';
import type { AlignmentTreeNode, Iku } from '../../../shared/domain/okr/types.ts';
import type { Skp } from '../../../shared/domain/skp/types.ts';
import { ApiError, request } from './api.ts';

// Types only: the zod schemas stay on the server side of the bundle.
export type Period = z.infer<typeof periodSchema>;
export type WindowState = z.infer<typeof windowStateSchema>;
export type { AlignmentTreeNode, Evaluation, Iku, PredikatPegawai, Rating, Realisasi, Skp };
export type Rhk = Skp['rhk'][number];
export type Iki = Rhk['iki'][number];
export type SkpStatus = Skp['status'];
export type SkpAction = SkpTransitionInput['action'];

/** One result an RHK utama may support: the penilai's RHK and KR (their IKI), or the unit's IKU for its head. */
export interface IntervensiTarget {
  kind: 'IKU' | 'RHK' | 'KR';
  id: string;
  label: string;
  target: string | null;
  /** For a KR: the RHK it belongs to. */
  parentId: string | null;
}

export interface IntervensiTargets {
  penilai: { id: string; nama: string } | null;
  /** The penilai's plan of the period the targets come from (approved, else the newest revision). */
  rencanaPenilai: { skpId: string; status: SkpStatus } | null;
  targets: IntervensiTarget[];
}

export interface TeamMember {
  employee: { id: string; nama: string; nip: string | null; unitId: string };
  skp: Skp | null;
}

export interface Feedback {
  id: string;
  employeeId: string;
  /** Who wrote it (the penilai at the time). */
  dariId: string;
  rhkId: string | null;
  umpanBalik: string;
  at: string;
}

export interface PenilaianInput {
  version: number;
  umpanBalik: { rhk: Record<string, string>; perilaku: Record<string, string> };
  ratingHasil: Rating;
  ratingPerilaku: Rating;
  catatan: string | null;
}

export interface KeberatanDecisionInput {
  version: number;
  klarifikasiPenilai: string;
  klarifikasiPegawai: string;
  keputusan: 'UBAH' | 'TETAP';
  predikatBaru: PredikatPegawai | null;
  catatan: string;
}

export interface RealisasiInput {
  version?: number | undefined;
  realisasi: Realisasi[];
}

const id = (value: string) => encodeURIComponent(value);
const employee = (employeeId: string) => `/api/employees/${id(employeeId)}`;
const evaluation = (employeeId: string, periodId: string, windowKey: string) =>
  `${employee(employeeId)}/evaluations/${id(periodId)}/${id(windowKey)}`;

export const kinerjaApi = {
  periods: (signal?: AbortSignal) => request<{ items: Period[] }>('/api/periods', { signal }),
  windows: (periodId: string, signal?: AbortSignal) =>
    request<{ items: WindowState[] }>(`/api/periods/${id(periodId)}/windows`, { signal }),

  skpList: (employeeId: string, signal?: AbortSignal) =>
    request<{ items: Skp[] }>(`${employee(employeeId)}/skp`, { signal }),
  skp: (employeeId: string, skpId: string, signal?: AbortSignal) =>
    request<Skp>(`${employee(employeeId)}/skp/${id(skpId)}`, { signal }),
  createSkp: (employeeId: string, periodId: string) =>
    request<Skp>(`${employee(employeeId)}/skp`, { method: 'POST', body: { periodId } }),
  updateSkp: (skp: Pick<Skp, 'employeeId' | 'id'>, content: SkpContent) =>
    request<Skp>(`${employee(skp.employeeId)}/skp/${id(skp.id)}`, { method: 'PATCH', body: content }),
  transition: (skp: Pick<Skp, 'employeeId' | 'id' | 'version'>, action: SkpAction, catatan?: string) =>
    request<Skp>(`${employee(skp.employeeId)}/skp/${id(skp.id)}/transitions`, {
      method: 'POST',
      body: { version: skp.version, action, ...(catatan === undefined ? {} : { catatan }) },
    }),
  intervensiTargets: (employeeId: string, periodId: string, signal?: AbortSignal) =>
    request<IntervensiTargets>(
      `${employee(employeeId)}/intervensi-targets?periodId=${encodeURIComponent(periodId)}`,
      { signal },
    ),

  approvals: (signal?: AbortSignal) => request<{ items: Skp[] }>('/api/me/approvals', { signal }),
  team: (periodId: string, signal?: AbortSignal) =>
    request<{ items: TeamMember[] }>(`/api/me/team?periodId=${encodeURIComponent(periodId)}`, { signal }),
  teamEvaluations: (periodId: string, windowKey: string, signal?: AbortSignal) =>
    request<{ items: Evaluation[] }>(
      `/api/me/team-evaluations?periodId=${encodeURIComponent(periodId)}&windowKey=${encodeURIComponent(windowKey)}`,
      { signal },
    ),

  evaluations: (employeeId: string, signal?: AbortSignal) =>
    request<{ items: Evaluation[] }>(`${employee(employeeId)}/evaluations`, { signal }),
  saveRealisasi: (employeeId: string, periodId: string, windowKey: string, input: RealisasiInput) =>
    request<Evaluation>(`${evaluation(employeeId, periodId, windowKey)}/realisasi`, {
      method: 'PUT',
      body: input,
    }),
  savePenilaian: (e: Pick<Evaluation, 'employeeId' | 'periodId' | 'windowKey'>, input: PenilaianInput) =>
    request<Evaluation>(`${evaluation(e.employeeId, e.periodId, e.windowKey)}/penilaian`, {
      method: 'PUT',
      body: input,
    }),
  fileKeberatan: (e: Pick<Evaluation, 'employeeId' | 'periodId' | 'windowKey'>, alasan: string) =>
    request<Evaluation>(`${evaluation(e.employeeId, e.periodId, e.windowKey)}/keberatan`, {
      method: 'POST',
      body: { alasan },
    }),

  keberatanQueue: (periodId: string, signal?: AbortSignal) =>
    request<{ items: Evaluation[] }>(`/api/me/keberatan?periodId=${id(periodId)}`, { signal }),
  decideKeberatan: (
    e: Pick<Evaluation, 'employeeId' | 'periodId' | 'windowKey'>,
    input: KeberatanDecisionInput,
  ) =>
    request<Evaluation>(`${evaluation(e.employeeId, e.periodId, e.windowKey)}/keberatan/keputusan`, {
      method: 'PUT',
      body: input,
    }),

  feedback: (employeeId: string, signal?: AbortSignal) =>
    request<{ items: Feedback[] }>(`${employee(employeeId)}/feedback`, { signal }),
  addFeedback: (employeeId: string, rhkId: string | null, umpanBalik: string) =>
    request<Feedback>(`${employee(employeeId)}/feedback`, { method: 'POST', body: { rhkId, umpanBalik } }),

  iku: (periodId: string, signal?: AbortSignal) =>
    request<{ items: Iku[] }>(`/api/periods/${id(periodId)}/iku`, { signal }),
  alignmentTree: (periodId: string, ikuId: string, signal?: AbortSignal) =>
    request<AlignmentTreeNode>(`/api/periods/${id(periodId)}/iku/${id(ikuId)}/tree`, { signal }),
};

/** A 409 from a stale version (someone else saved first): the page says to reload. */
export const isVersionConflict = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'concurrency.version_conflict';
