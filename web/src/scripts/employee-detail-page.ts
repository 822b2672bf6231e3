// Profil pegawai: the employee named by ?id=, their unit and position, and their assessor chain.

import { api, type Employee, type PenilaiChain, type UnitTreeNode } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { EMPTY, statusLabel } from '../lib/labels.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';
import { indexUnits } from '../lib/unit-index.ts';
import { detailHref } from './employee-rows.ts';
import { renderChain } from './penilai-chain.ts';
import { showError } from './show-error.ts';

const title = byId('employee-title', HTMLElement);
const status = byId('detail-status', HTMLElement);
const errorBox = byId('detail-error', HTMLElement);
const profile = byId('profile', HTMLElement);
const profileList = byId('profile-list', HTMLElement);
const penilai = byId('penilai', HTMLElement);
const chainHost = byId('penilai-chain', HTMLElement);

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Only HR admins can open the employee list: everyone else's breadcrumb starts at Beranda. */
async function adaptBreadcrumb(profileId: string): Promise<void> {
  const person = await currentPerson().catch(() => null);
  if (!person) return;
  if (!isAdmin(person)) {
    const back = byId('back-to-list', HTMLAnchorElement);
    back.href = '/';
    back.textContent = 'Beranda';
  }
  if (person.employee.id === profileId) byId('crumb-current', HTMLElement).textContent = 'Profil saya';
}

const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

function renderProfile(employee: Employee, units: Map<string, UnitTreeNode>, jabatan: string | undefined) {
  const unit = units.get(employee.unitId);
  profileList.replaceChildren(
    ...row('Nama', employee.nama),
    ...row('NIP', employee.nip ? h('span', { class: 'mono' }, employee.nip) : EMPTY),
    ...row('Status kepegawaian', statusLabel[employee.status]),
    ...row('Pangkat/Golongan', employee.pangkatGolongan ?? EMPTY),
    ...row('Jabatan', jabatan ?? EMPTY),
    ...row('Unit kerja', unit ? h('a', { href: `/?unit=${encodeURIComponent(unit.id)}` }, unit.nama) : EMPTY),
    ...row('Email', h('a', { href: `mailto:${employee.email}` }, employee.email)),
    ...row('Terdaftar', formatWib(employee.createdAt)),
    ...row('Terakhir diperbarui', formatWib(employee.updatedAt)),
  );
}

/** Names of the definitive officials that a Plt/Plh stands in for (a failed lookup just shows no name). */
async function namesOf(chain: PenilaiChain): Promise<Map<string, string>> {
  const ids = [chain.penilai?.atasNama, chain.atasanPenilai?.atasNama].filter((id): id is string => !!id);
  const found = await Promise.allSettled(ids.map((id) => api.employee(id)));
  return new Map(
    found.flatMap((result) => (result.status === 'fulfilled' ? [[result.value.id, result.value.nama]] : [])),
  );
}

async function start(): Promise<void> {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  void adaptBreadcrumb(id);
  if (!ULID.test(id)) {
    status.textContent = '';
    errorBox.replaceChildren(
      h(
        'p',
        {},
        'Alamat profil tidak lengkap. Pilih pegawai dari ',
        h('a', { href: '/pegawai/' }, 'daftar pegawai'),
        '.',
      ),
    );
    return;
  }
  try {
    const [employee, chain, tree] = await Promise.all([api.employee(id), api.penilai(id), api.unitTree()]);
    const [positions, names] = await Promise.all([
      api.unitPositions(employee.unitId).catch(() => ({ items: [] })),
      namesOf(chain),
    ]);
    const units = indexUnits(tree.roots);
    title.textContent = employee.nama;
    document.title = `${employee.nama} — PIAWAI`;
    renderProfile(employee, units, positions.items.find((p) => p.id === employee.positionId)?.nama);
    chainHost.replaceChildren(...renderChain(chain, { units, names, href: detailHref }));
    profile.hidden = false;
    penilai.hidden = false;
    status.textContent = '';
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

void start();
