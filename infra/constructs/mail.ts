// Outgoing mail: the SES domain identity the portal sends from, its configuration set, the topic SES reports
// bounces and complaints to, and the pepper of the approval-link tokens.

import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface MailProps {
  /** Domain the portal sends from; its DNS needs the DKIM records this stack outputs. */
  readonly domain: string;
  /** Reply-To of every message (context `mailReplyTo`); default `sdm@<domain>`. */
  readonly replyTo?: string;
  /** Messages per second the senders keep to: the account's SES send quota (context `mailSendRate`); default 10. */
  readonly sendRate?: number;
}

export interface UseMailOptions {
  /** The function sends mail itself (SES and the send rate), rather than only queueing it in the outbox. */
  readonly send: boolean;
}

/** The display name of the From header. */
export const mailFromName = 'PIAWAI';
export const defaultMailSendRate = 10;

export class Mail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** The bare sender address, `noreply@<domain>`: what SES's `ses:FromAddress` condition compares. */
  readonly fromAddress: string;
  /** The From header, `PIAWAI <noreply@<domain>>`. */
  readonly from: string;
  readonly replyTo: string;
  readonly sendRate: number;
  /** SES publishes the configuration set's BOUNCE and COMPLAINT events here. */
  readonly eventsTopic: sns.Topic;
  readonly eventsKey: kms.Key;
  /** The approval-link token pepper (64 letters and digits), read by the functions that make or check links. */
  readonly tokenSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.fromAddress = `noreply@${props.domain}`;
    this.from = `${mailFromName} <${this.fromAddress}>`;
    this.replyTo = props.replyTo ?? `sdm@${props.domain}`;
    this.sendRate = props.sendRate ?? defaultMailSendRate;
    if (!(this.sendRate > 0 && this.sendRate <= 1000)) {
      throw new Error(`${this.node.path}: the send rate must be above 0 and at most 1000 (${this.sendRate})`);
    }

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Approval links are credentials: refuse to hand them to a receiving server without TLS.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });

    ({ topic: this.eventsTopic, key: this.eventsKey } = this.bounceAndComplaintTopic());

    this.tokenSecret = new secretsmanager.Secret(this, 'TokenPepper', {
      description: 'PIAWAI approval-link token pepper (keys the token hashes stored in the table)',
      generateSecretString: { excludePunctuation: true, passwordLength: 64 },
    });
    Validations.of(this.tokenSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the pepper invalidates every open approval link, so it is not rotated on a schedule: the operators ' +
        'rotate it by hand between approval seasons, when no link is outstanding.',
    });
  }

  /**
   * A topic encrypted with a key of our own (SES cannot use the aws/sns key, whose policy is fixed), and the
   * configuration-set event destination that publishes bounces and complaints to it. The configuration set and
   * the topic policy CDK adds limit publishing to SES acting for this configuration set; so does the key policy.
   */
  private bounceAndComplaintTopic(): { topic: sns.Topic; key: kms.Key } {
    const stack = Stack.of(this);
    const configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    const key = new kms.Key(this, 'EventsKey', {
      description: 'PIAWAI: encrypts the SES bounce and complaint topic',
      enableKeyRotation: true,
      // It protects notifications in flight only, nothing stored: it may go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'SesPublishesToTheEncryptedTopic',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': configurationSetArn },
        },
      }),
    );
    const topic = new sns.Topic(this, 'Events', {
      displayName: 'PIAWAI SES bounces and complaints',
      masterKey: key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(topic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    return { topic, key };
  }

  /**
   * Gives a function the mail settings (MAIL_*) and read access to the token pepper: every function that writes
   * outbox items or approval links. With `send`, also the send rate and the right to send (grantSend).
   */
  use(fn: lambda.Function, options: UseMailOptions): void {
    const environment: Record<string, string> = {
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: this.from,
      MAIL_REPLY_TO: this.replyTo,
      MAIL_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      MAIL_TOKEN_SECRET_ARN: this.tokenSecret.secretArn,
      ...(options.send ? { MAIL_SEND_RATE: String(this.sendRate) } : {}),
    };
    for (const [name, value] of Object.entries(environment)) fn.addEnvironment(name, value);
    // GetSecretValue only (not DescribeSecret): the one call the middy secrets-manager middleware makes.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadTokenPepper',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [this.tokenSecret.secretArn],
      }),
    );
    if (options.send) this.grantSend(fn);
  }

  /** Lets the grantee send as the portal's from-address only, through the configuration set. */
  grantSend(grantee: iam.IGrantable): void {
    const stack = Stack.of(this);
    const configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SendPortalMail',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
      }),
    );
  }
}
