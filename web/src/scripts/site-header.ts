// The header once GET /api/me answers: who is signed in, the HR admin badge, "Profil saya", "Keluar",
// and the navigation links only HR admins can use.

import { ApiError, api, describeError, type Me } from '../lib/api.ts';
import { byId } from '../lib/dom.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';
import { onSignInPage, SIGN_IN_PATH, signInHref } from '../lib/sign-in.ts';
import { detailHref } from './employee-rows.ts';

const who = byId('account-who', HTMLElement);
const name = byId('account-name', HTMLElement);
const adminBadge = byId('account-admin', HTMLElement);
const profile = byId('account-profile', HTMLAnchorElement);
const logout = byId('account-logout', HTMLButtonElement);
const signIn = byId('account-sign-in', HTMLAnchorElement);
const nobody = byId('account-none', HTMLElement);
const errorText = byId('account-error', HTMLElement);

function showSignedIn(person: Me): void {
  name.textContent = person.employee.nama;
  adminBadge.hidden = !isAdmin(person);
  who.hidden = false;
  profile.href = detailHref(person.employee.id);
  // On one's own profile, "Profil saya" is the current page.
  const onProfile = location.pathname.startsWith('/pegawai/detail');
  if (onProfile && new URLSearchParams(location.search).get('id') === person.employee.id) {
    profile.setAttribute('aria-current', 'page');
  }
  profile.hidden = false;
  logout.hidden = false;
  for (const item of document.querySelectorAll<HTMLElement>('.site-nav [data-audience="admin"]')) {
    item.hidden = !isAdmin(person);
  }
}

function showSignedOut(): void {
  if (onSignInPage()) {
    nobody.hidden = false;
    return;
  }
  signIn.href = signInHref();
  signIn.hidden = false;
}

logout.addEventListener('click', async () => {
  if (logout.getAttribute('aria-disabled') === 'true') return;
  logout.setAttribute('aria-disabled', 'true');
  errorText.hidden = true;
  try {
    const { logoutUrl } = await api.logout();
    // Locally the sign-in page; in AWS Cognito's sign-out, which comes back to the site.
    location.assign(logoutUrl || SIGN_IN_PATH);
  } catch (error) {
    logout.setAttribute('aria-disabled', 'false');
    errorText.textContent = `Gagal keluar: ${describeError(error).detail}`;
    errorText.hidden = false;
  }
});

async function start(): Promise<void> {
  try {
    const person = await currentPerson();
    if (person) showSignedIn(person);
    else showSignedOut();
  } catch (error) {
    // An account without employee data can still sign out; other failures show on the page itself.
    if (error instanceof ApiError && error.code === 'auth.no_employee') {
      errorText.textContent = error.message;
      errorText.hidden = false;
      logout.hidden = false;
    }
  }
}

void start();
