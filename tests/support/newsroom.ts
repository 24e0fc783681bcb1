import type { Role } from '../../shared/workflow/roles';
import type { Core } from '../../electron/core/app/createCore';
import { callCore, testAdmin, testPassword } from './testCore';

/*
 * A newsroom across test workstations, set up through the contract as an administrator would:
 * the authority's core creates the newsroom, creates each member's account (the roster is
 * published again each time) and exports their enrolment file; the member's workstation
 * enrols with it and its password, which signs the member in there.
 */

/** Signs the test administrator in on the authority's core. */
async function seatAdmin(authority: Core): Promise<void> {
  await callCore(authority, 'auth.signIn', {
    userName: testAdmin.userName,
    password: testAdmin.password,
  });
}

/** Creates the newsroom on `authority` (its test administrator's key signs the rosters). */
export async function createNewsroom(authority: Core, name = 'Báo Quảng Trị'): Promise<void> {
  await seatAdmin(authority);
  await callCore(authority, 'newsroom.create', { name });
}

/** Makes sure the member exists on the authority's PC (created with `testPassword`). */
export async function addMember(
  authority: Core,
  userName: string,
  role: Role,
  displayName = userName,
): Promise<void> {
  await seatAdmin(authority);
  const users = await callCore(authority, 'users.list', {});
  if (!users.some((user) => user.userName === userName)) {
    await callCore(authority, 'users.create', {
      userName,
      displayName,
      role,
      password: testPassword,
    });
  }
}

/**
 * Enrols a member on `target` with an enrolment file from the authority, and leaves them signed
 * in there. Returns the session.
 */
export async function enrol(
  authority: Core,
  target: Core,
  userName: string,
  role: Role,
  displayName = userName,
) {
  await addMember(authority, userName, role, displayName);
  await seatAdmin(authority);
  const file = await callCore(authority, 'newsroom.exportEnrolment', { userName });
  return callCore(target, 'newsroom.enroll', {
    fileName: file.fileName,
    dataBase64: file.dataBase64,
    password: testPassword,
  });
}

/** Signs a member in on a workstation where they are enrolled (or were created). */
export function signInMember(core: Core, userName: string) {
  return callCore(core, 'auth.signIn', { userName, password: testPassword });
}
