// The HTTP API: one Lambda (the Hono app) behind API Gateway v2, reached through CloudFront at /api/*.

import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';

export interface ApiProps {
  readonly table: dynamodb.ITableV2;
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
  userAgent: '$context.identity.userAgent',
};

export class Api extends Construct {
  readonly handler: AppFunction;
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
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

    const integration = new HttpLambdaIntegration('Hono', this.handler);
    const routes = [
      ...this.httpApi.addRoutes({ path: '/api', methods: [apigwv2.HttpMethod.ANY], integration }),
      ...this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [apigwv2.HttpMethod.ANY], integration }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'No gateway authorizer yet: the Cognito user pool and JWT authorizer arrive with the auth issue. ' +
          'The email-approval endpoints stay open at the gateway by design; they act only through a valid token.',
      });
    }

    this.domainName = `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }

  get url(): string {
    return `https://${this.domainName}/api`;
  }
}
