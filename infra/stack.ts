// The PIAWAI stack: one table, the API and jobs functions, mail, and the CloudFront front door.

import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Jobs } from './constructs/jobs.ts';
import { Mail } from './constructs/mail.ts';
import { Site } from './constructs/site.ts';
import { AppTable } from './constructs/table.ts';

export interface PiawaiStackProps extends StackProps {
  /** Absolute path of the built site; deployed only if it exists. */
  readonly siteDir: string;
  /** Domain mail is sent from (context `mailDomain`). */
  readonly mailDomain: string;
}

export class PiawaiStack extends Stack {
  readonly table: AppTable;
  readonly api: Api;
  readonly jobs: Jobs;
  readonly mail: Mail;
  readonly site: Site;

  constructor(scope: Construct, id: string, props: PiawaiStackProps) {
    super(scope, id, props);
    this.table = new AppTable(this, 'Table');
    this.mail = new Mail(this, 'Mail', { domain: props.mailDomain });
    this.api = new Api(this, 'Api', { table: this.table });
    this.jobs = new Jobs(this, 'Jobs', { table: this.table, mail: this.mail });
    this.site = new Site(this, 'Site', { apiDomainName: this.api.domainName, siteDir: props.siteDir });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.site.distribution.distributionDomainName}` });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.url,
      description: 'Direct API endpoint (browsers use SiteUrl/api)',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    this.mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DKIM record ${index + 1} of 3 to add to the DNS of ${props.mailDomain}`,
      });
    });
  }
}
