// The PIAWAI stack: one table, the API and jobs functions, mail and its delivery, export files, the Cognito user pool
// and the CloudFront front door.

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { Delivery } from './constructs/delivery.ts';
import { Exports } from './constructs/exports.ts';
import { Jobs } from './constructs/jobs.ts';
import { Mail } from './constructs/mail.ts';
import { Site } from './constructs/site.ts';
import { AppTable } from './constructs/table.ts';

export interface PiawaiStackProps extends StackProps {
  /** Absolute path of the built site; deployed only if it exists. */
  readonly siteDir: string;
  /** Domain mail is sent from (context `mailDomain`). */
  readonly mailDomain: string;
  /** Reply-To of the portal's mail (context `mailReplyTo`); default `sdm@<mailDomain>`. */
  readonly mailReplyTo?: string;
  /** Messages per second the senders keep to, the SES send quota (context `mailSendRate`); default 10. */
  readonly mailSendRate?: number;
  /** Prefix of the Cognito hosted UI domain (context `authDomainPrefix`); default derived from the stack id. */
  readonly authDomainPrefix?: string;
}

export class PiawaiStack extends Stack {
  readonly table: AppTable;
  readonly api: Api;
  readonly jobs: Jobs;
  readonly mail: Mail;
  readonly delivery: Delivery;
  readonly exports: Exports;
  readonly site: Site;
  readonly auth: Auth;

  constructor(scope: Construct, id: string, props: PiawaiStackProps) {
    super(scope, id, props);
    this.table = new AppTable(this, 'Table');
    this.mail = new Mail(this, 'Mail', {
      domain: props.mailDomain,
      replyTo: props.mailReplyTo,
      sendRate: props.mailSendRate,
    });
    this.api = new Api(this, 'Api', { table: this.table, mail: this.mail });
    this.jobs = new Jobs(this, 'Jobs', { table: this.table, mail: this.mail });
    this.site = new Site(this, 'Site', { apiDomainName: this.api.domainName, siteDir: props.siteDir });
    // The app client redirects to the distribution, whose /api/* origin is the HTTP API: so the client comes
    // after the site, and the routes whose authorizer trusts the client after the client (see Api.addRoutes).
    this.auth = new Auth(this, 'Auth', {
      table: this.table,
      siteOrigin: this.site.origin,
      domainPrefix: props.authDomainPrefix,
    });
    this.api.addRoutes({ auth: this.auth, publicOrigin: this.site.origin });
    // The jobs function loads the same configuration (functions/config.ts requires the AUTH_* values in AWS), and
    // the links in its mail point at the site.
    const jobsEnvironment = { ...this.auth.environment, PUBLIC_ORIGIN: this.site.origin };
    for (const [name, value] of Object.entries(jobsEnvironment))
      this.jobs.handler.addEnvironment(name, value);
    // The outbox stream's consumer; its links point at the site too.
    this.delivery = new Delivery(this, 'Delivery', {
      table: this.table,
      mail: this.mail,
      publicOrigin: this.site.origin,
    });
    // The export-job stream's consumer; its bucket logs to the site's log bucket. The api presigns downloads; the
    // jobs tick sweeps export jobs whose run failed or never started, so it writes files too.
    this.exports = new Exports(this, 'Exports', { table: this.table, logBucket: this.site.logBucket });
    this.exports.grantDownload(this.api.handler);
    this.exports.grantWrite(this.jobs.handler);

    new CfnOutput(this, 'SiteUrl', { value: this.site.origin });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'Direct API endpoint (browsers use SiteUrl/api)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ExportBucketName', {
      value: this.exports.bucket.bucketName,
      description: 'Export files (exports/<job id>.<format>), each kept 7 days',
    });
    new CfnOutput(this, 'UserPoolId', {
      value: this.auth.userPool.userPoolId,
      description: 'Cognito user pool: HR creates the accounts here (no self sign-up)',
    });
    new CfnOutput(this, 'TokenPepperSecretArn', {
      value: this.mail.tokenSecret.secretArn,
      description:
        'Approval-link token pepper: rotate by hand between approval seasons (open links stop working)',
    });
    new CfnOutput(this, 'AuthDomainUrl', { value: this.auth.domainUrl, description: 'Cognito hosted UI' });
    this.mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of 3 to add to the DNS of ${props.mailDomain}`,
      });
    });
  }
}
