// Cognito pre-token-generation trigger: puts the employee id and HR admin scope into the ID token.
// Admin powers need TOTP MFA on the account (issue 3: "MFA required for HR admins").

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import middy from '@middy/core';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIM_ADMIN_SCOPE, CLAIM_EMPLOYEE, encodeAdminScope } from '../auth/principal.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { identityForEmail } from '../services/identity-service.ts';

const deps = createDeps(loadConfig());
const cognito = new CognitoIdentityProviderClient({});

async function hasTotp(userPoolId: string, username: string): Promise<boolean> {
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
}

export const handler = middy(async (event: PreTokenGenerationV2TriggerEvent) => {
  const email = event.request.userAttributes.email ?? '';
  const identity = await identityForEmail(deps, email, {
    mfaEnabled: await hasTotp(event.userPoolId, event.userName),
  });
  event.response.claimsAndScopeOverrideDetails = {
    idTokenGeneration: {
      claimsToAddOrOverride: {
        [CLAIM_EMPLOYEE]: identity.employeeId ?? '',
        [CLAIM_ADMIN_SCOPE]: encodeAdminScope(identity.adminScope),
        ...(identity.nama ? { name: identity.nama } : {}),
      },
    },
  };
  return event;
}).use(injectLambdaContext(deps.logger));
