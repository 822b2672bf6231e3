// Identity: the Cognito user pool (hosted UI, OIDC code grant with PKCE) and its pre-token trigger.

import { Aws, Duration, Fn, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

export interface AuthProps {
  readonly table: dynamodb.ITableV2;
  /** The site's origin (`https://<distribution domain>`): the app client redirects back to it. */
  readonly siteOrigin: string;
  /**
   * Prefix of the hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`, context `authDomainPrefix`).
   * Default: `piawai-` and the last 12 hex digits of the CloudFormation stack id, unique per deployed stack.
   */
  readonly domainPrefix?: string;
}

/** Where Cognito sends the browser back with the authorization code (a public route of the API). */
export const authCallbackPath = '/api/auth/callback';

/** A valid Cognito domain prefix: lowercase letters, digits and inner hyphens, no reserved words. */
export const domainPrefixPattern = /^(?!.*(?:aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;
  readonly preToken: AppFunction;
  /** The OIDC issuer, `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of every token. */
  readonly issuer: string;
  /** Base URL of the hosted UI (`/oauth2/authorize`, `/oauth2/token`, `/logout` live under it). */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      // Accounts are created by the HR bureau (AdminCreateUser), never by the public.
      selfSignUpEnabled: false,
      // The email address is the user name, matched without regard to case.
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed address takes effect only once verified, so a typo cannot lock anyone out.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // MFA is optional for the pool, TOTP apps only (no SMS, no email codes). HR-admin MFA is enforced by the
      // pre-token trigger: it grants the admin claims only to a user with TOTP MFA enabled, so an HR admin
      // without MFA signs in as an ordinary employee.
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true, email: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication) blocks risky sign-ins.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      // The accounts of every employee: never deleted with the stack, nor by a stray API call.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional for the pool but enforced where it matters: the pre-token trigger grants HR-admin claims ' +
        'only to users with TOTP MFA enabled. Employees seeing their own records sign in with a strong password ' +
        'under Plus threat protection (adaptive authentication, compromised-credential checks).',
    });

    this.preToken = new AppFunction(this, 'PreToken', {
      entry: 'functions/lambda/pre-token.ts',
      description: 'PIAWAI pre-token generation: employee and admin-scope claims (admin only with TOTP MFA)',
      // Cognito gives a trigger 5 seconds before the sign-in fails.
      timeout: Duration.seconds(5),
    });
    this.preToken.useTable(props.table, 'read');
    // The trigger reads the user's MFA settings with AdminGetUser (the pool id comes with the event). The pool's
    // own ARN cannot be named here: the pool references the function, whose role policy would reference the pool.
    const anyPoolHere = stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' });
    this.preToken.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadUserMfa',
        actions: ['cognito-idp:AdminGetUser'],
        resources: [anyPoolHere],
      }),
    );
    Validations.of(this.preToken.role ?? this.preToken).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(stack, 'cognito-idp', 'userpool/*')}]`,
      reason:
        'AdminGetUser on the user pools of this account and region only: naming the one pool would make its ' +
        'trigger depend on it, a circular dependency (the pool id is taken from the trigger event).',
    });
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preToken,
      cognito.LambdaVersion.V2_0,
    );

    const domainPrefix = props.domainPrefix ?? `piawai-${stackIdSuffix()}`;
    if (!Token.isUnresolved(domainPrefix) && !domainPrefixPattern.test(domainPrefix)) {
      throw new Error(`Invalid hosted UI domain prefix: ${JSON.stringify(domainPrefix)}`);
    }
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix } });
    this.domainUrl = this.domain.baseUrl();
    this.issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;

    this.client = this.userPool.addClient('WebClient', {
      // A public client: the code is redeemed with a PKCE verifier, not a secret.
      generateSecret: false,
      // No SDK sign-in flows (no USER_PASSWORD_AUTH, no SRP): only the hosted UI signs in; refresh stays.
      authFlows: {
        userPassword: false,
        adminUserPassword: false,
        userSrp: false,
        custom: false,
        user: false,
      },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.siteOrigin}${authCallbackPath}`],
        logoutUrls: [`${props.siteOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
    });
  }

  /** What a function needs to verify tokens and send browsers to the hosted UI (see functions/config.ts). */
  get environment(): Record<string, string> {
    return {
      AUTH_ISSUER: this.issuer,
      AUTH_AUDIENCE: this.client.userPoolClientId,
      AUTH_DOMAIN_URL: this.domainUrl,
    };
  }
}

/** The last group of the stack id's UUID: 12 lowercase hex digits, fixed for the life of the stack. */
function stackIdSuffix(): string {
  return Fn.select(4, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
}

/** An ARN of this account and region as cdk-nag prints it in a finding id (pseudo parameters in angle brackets). */
function nagArn(stack: Stack, service: string, resource: string): string {
  const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);
  return [
    'arn',
    '<AWS::Partition>',
    service,
    known(stack.region, 'AWS::Region'),
    known(stack.account, 'AWS::AccountId'),
    resource,
  ].join(':');
}
