import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicApiRoutes } from '../../functions/http-policy.ts';
import { buildApp } from '../../infra/build-app.ts';
import { authCallbackPath } from '../../infra/constructs/auth.ts';
import type { PiawaiStack } from '../../infra/stack.ts';
import { skipBundling } from './validation-report.ts';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Sid?: string };

let workDir: string;
let stack: PiawaiStack;
let template: Template;

// Identity and access on the whole stack, synthesized without bundling (the bundles are stack.test.ts's concern).
// Template.fromStack also fails on a dependency cycle, the risk of wiring the client to the distribution.
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-auth-'));
  ({ stack } = buildApp({ nag: false, siteDir: path.join(workDir, 'no-site'), context: skipBundling }));
  template = Template.fromStack(stack);
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<PiawaiStack['getLogicalId']>[0]);

const distributionUrl = (suffix: string) => ({
  'Fn::Join': [
    '',
    [
      'https://',
      { 'Fn::GetAtt': [logicalIdOf(stack.site.distribution), 'DomainName'] },
      ...(suffix ? [suffix] : []),
    ],
  ],
});

const functionProperties = (fn: { node: { defaultChild?: unknown } }) =>
  (template.findResources('AWS::Lambda::Function') as Resources)[logicalIdOf(fn)]?.Properties;

const environmentOf = (fn: { node: { defaultChild?: unknown } }) =>
  (functionProperties(fn)?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables;

describe('the user pool', () => {
  it('lets only HR create accounts, signs in by email regardless of case and recovers by email only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  it('demands passwords of 12 characters with all four character classes; temporary ones last 3 days', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
    });
  });

  it('offers MFA with authenticator apps only (the trigger requires it of admins)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('is on the Plus plan with threat protection enforced', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has deletion protection and survives the deletion of the stack', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('gets a hosted UI domain unique to the deployed stack unless context authDomainPrefix names one', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: {
        'Fn::Join': [
          '',
          [
            'piawai-',
            {
              'Fn::Select': [
                4,
                {
                  'Fn::Split': ['-', { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] }],
                },
              ],
            },
          ],
        ],
      },
      UserPoolId: { Ref: logicalIdOf(stack.auth.userPool) },
    });

    const named = buildApp({
      nag: false,
      siteDir: path.join(workDir, 'no-site'),
      context: { ...skipBundling, authDomainPrefix: 'sdm-piawai' },
    });
    Template.fromStack(named.stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'sdm-piawai',
    });
  });
});

describe('the web app client', () => {
  it('is a public client for the authorization-code grant only, with no SDK sign-in flow', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
  });

  it('returns to the callback route and the home page of the distribution', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [distributionUrl(authCallbackPath)],
      LogoutURLs: [distributionUrl('/')],
    });
    expect(publicApiRoutes).toContainEqual({ method: 'GET', path: authCallbackPath });
  });

  it('issues ID and access tokens for an hour and refresh tokens for 12 hours', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'minutes' },
    });
  });
});

describe('the pre-token generation trigger', () => {
  it('gets the V2_0 event, has 5 seconds like Cognito, and only this pool may invoke it', () => {
    const fn = stack.auth.preToken;

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: {
          LambdaArn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] },
          LambdaVersion: 'V2_0',
        },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.auth.userPool), 'Arn'] },
    });
    expect(functionProperties(fn)).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 5,
    });
  });

  it('may read the table and AdminGetUser in this account and region, nothing else', () => {
    if (!stack.auth.preToken.role) throw new Error('pre-token function has no role');
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: logicalIdOf(stack.auth.preToken.role) }] },
    }) as Resources;
    const statements = Object.values(policies).flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const actions = statements.flatMap((statement) => [statement.Action].flat());

    expect(actions.sort()).toEqual(
      [
        'cognito-idp:AdminGetUser',
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:Query',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ].sort(),
    );
    expect(statements.find((statement) => statement.Sid === 'ReadUserMfa')).toEqual({
      Sid: 'ReadUserMfa',
      Effect: 'Allow',
      Action: 'cognito-idp:AdminGetUser',
      Resource: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':cognito-idp:ap-southeast-3:',
            { Ref: 'AWS::AccountId' },
            ':userpool/*',
          ],
        ],
      },
    });
    expect(environmentOf(stack.auth.preToken)).toEqual({
      PIAWAI_ENV: 'aws',
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: { Ref: logicalIdOf(stack.table) },
    });
  });
});

describe('the gateway authorizer', () => {
  const issuer = () => ({
    'Fn::Join': [
      '',
      [
        'https://cognito-idp.ap-southeast-3.',
        { Ref: 'AWS::URLSuffix' },
        '/',
        { Ref: logicalIdOf(stack.auth.userPool) },
      ],
    ],
  });

  it("accepts the user pool's tokens for the web app client from the Authorization header", () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      ApiId: { Ref: logicalIdOf(stack.api.httpApi) },
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: issuer(), Audience: [{ Ref: logicalIdOf(stack.auth.client) }] },
    });
  });

  it('guards every route except exactly the public ones', () => {
    const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Resources).map(
      (route) => route.Properties,
    );
    // The app's `:id` path parameters are the gateway's `{id}`.
    const publicKeys = publicApiRoutes.map(
      (route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    );

    expect(routes.map((route) => route.RouteKey).sort()).toEqual(
      // The CSV import goes to its own function (signed in like the rest).
      ['ANY /api', 'ANY /api/{proxy+}', 'POST /api/employees/import', ...publicKeys].sort(),
    );
    for (const route of routes) {
      const expected = publicKeys.includes(String(route.RouteKey))
        ? { AuthorizationType: 'NONE', AuthorizerId: undefined }
        : { AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } };
      expect(
        { AuthorizationType: route.AuthorizationType, AuthorizerId: route.AuthorizerId },
        String(route.RouteKey),
      ).toEqual(expected);
    }
  });

  it('gives the api and jobs functions the issuer, audience, hosted UI and site origin', () => {
    const expected = {
      AUTH_ISSUER: issuer(),
      AUTH_AUDIENCE: { Ref: logicalIdOf(stack.auth.client) },
      AUTH_DOMAIN_URL: {
        'Fn::Join': [
          '',
          ['https://', { Ref: logicalIdOf(stack.auth.domain) }, '.auth.ap-southeast-3.amazoncognito.com'],
        ],
      },
      PUBLIC_ORIGIN: distributionUrl(''),
    };

    expect(environmentOf(stack.api.handler)).toMatchObject(expected);
    expect(environmentOf(stack.jobs.handler)).toMatchObject(expected);
  });
});
