// The HTTP API: one Lambda (the Hono app) behind API Gateway v2, reached through CloudFront at /api/*.

import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { publicApiRoutes } from '../../functions/http-policy.ts';
import { AppFunction } from './app-function.ts';
import type { Auth } from './auth.ts';
import type { Mail } from './mail.ts';

export interface ApiProps {
  readonly table: dynamodb.ITableV2;
  /** The API queues mail in the outbox and makes approval links; the deliver and jobs functions send. */
  readonly mail: Mail;
}

export interface ApiRoutesProps {
  /** The user pool and app client whose ID tokens the gateway and the app accept. */
  readonly auth: Auth;
  /** The site's origin (`https://<distribution domain>`), for redirects and links the app builds. */
  readonly publicOrigin: string;
}

/** HTTP API access-log fields (JSON, one line per request). */
const accessLogFormat = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  // Why the JWT authorizer refused a request (expired, wrong audience…); empty when it let it through.
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
};

export class Api extends Construct {
  readonly handler: AppFunction;
  /** The employee CSV import alone: csv-parse and its checks stay out of the api bundle (size budget). */
  readonly importHandler: AppFunction;
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  /** Every route, filled in by addRoutes(). */
  readonly routes: apigwv2.HttpRoute[] = [];
  /** Host name of the execute-api endpoint, the CloudFront origin for /api/*. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.handler = new AppFunction(this, 'Handler', {
      entry: 'functions/lambda/api.ts',
      description: 'PIAWAI HTTP API (Hono)',
      // Below API Gateway's 30 s integration limit, so a slow request ends as our error, not a gateway 503.
      timeout: Duration.seconds(25),
    });
    this.handler.useTable(props.table, 'readWrite');
    props.mail.use(this.handler, { send: false });
    this.importHandler = new AppFunction(this, 'ImportHandler', {
      entry: 'functions/lambda/api-import.ts',
      description: 'PIAWAI employee CSV import (same Hono app, with the importer)',
      timeout: Duration.seconds(25),
    });
    // It queues no mail and makes no approval link: no pepper, no mail settings.
    this.importHandler.useTable(props.table, 'readWrite');

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'PIAWAI API; browsers reach it through CloudFront (same origin, no CORS)',
      // Our own $default stage below carries throttling and access logs.
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // A ceiling for a staff portal of a few thousand users; protects the table's on-demand bill from floods.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(JSON.stringify(accessLogFormat)),
      },
    });

    this.domainName = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }

  /**
   * Routes every /api request to the function: signed in (JWT authorizer on the app client's ID tokens) except
   * exactly the routes in `publicApiRoutes`, which the more specific route keys take before `ANY /api/{proxy+}`.
   * Separate from the constructor because the app client (and so the authorizer) needs the distribution's domain,
   * and the distribution needs this API's endpoint. Only the routes and the function depend on the client; the
   * API resource the distribution points at does not, so CloudFormation sees no cycle.
   */
  addRoutes(props: ApiRoutesProps): void {
    if (this.routes.length > 0) throw new Error(`${this.node.path}: routes are already added`);
    const environment = { ...props.auth.environment, PUBLIC_ORIGIN: props.publicOrigin };
    for (const [name, value] of Object.entries(environment)) {
      this.handler.addEnvironment(name, value);
      this.importHandler.addEnvironment(name, value);
    }

    const integration = new HttpLambdaIntegration('Hono', this.handler);
    const signedIn = new HttpJwtAuthorizer('SignedIn', props.auth.issuer, {
      jwtAudience: [props.auth.client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
    const anyone = new apigwv2.HttpNoneAuthorizer();

    for (const path of ['/api', '/api/{proxy+}']) {
      this.routes.push(
        ...this.httpApi.addRoutes({
          path,
          methods: [apigwv2.HttpMethod.ANY],
          integration,
          authorizer: signedIn,
        }),
      );
    }
    // The more specific route key takes the import before `ANY /api/{proxy+}`.
    this.routes.push(
      ...this.httpApi.addRoutes({
        path: '/api/employees/import',
        methods: [apigwv2.HttpMethod.POST],
        integration: new HttpLambdaIntegration('Import', this.importHandler),
        authorizer: signedIn,
      }),
    );
    for (const route of publicApiRoutes) {
      const [publicRoute] = this.httpApi.addRoutes({
        // Hono's `:id` is the gateway's `{id}`.
        path: route.path.replace(/:([A-Za-z]+)/g, '{$1}'),
        methods: [apigwv2.HttpMethod[route.method]],
        integration,
        authorizer: anyone,
      });
      if (!publicRoute) throw new Error(`${this.node.path}: no route for ${route.method} ${route.path}`);
      Validations.of(publicRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'A public route (functions/http-policy.ts publicApiRoutes): health, the sign-in, callback and ' +
          'sign-out endpoints, the email-approval page and document verification must be reachable before anyone is signed in.',
      });
      this.routes.push(publicRoute);
    }
  }

  get url(): string {
    return `https://${this.domainName}/api`;
  }
}
