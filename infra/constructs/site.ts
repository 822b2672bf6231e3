// The front door: CloudFront serves the static Astro site from a private bucket and routes /api/* to the HTTP API.

import fs from 'node:fs';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  HSTS,
  REFERRER_POLICY,
  sessionCookieName,
  siteContentSecurityPolicy,
} from '../../functions/http-policy.ts';
import { SiteDeployment } from './site-deployment.ts';

export interface SiteProps {
  /** Host name of the API origin (execute-api endpoint). */
  readonly apiDomainName: string;
  /** Absolute path of the built site (web/dist); deployed only if it exists at synth time. */
  readonly siteDir: string;
}

/**
 * Regions whose S3 buckets CloudFront cannot deliver standard (legacy) logs to; a distribution pointing its
 * logs at such a bucket fails to create. Source: CloudFront Developer Guide, "Choosing an Amazon S3 bucket".
 */
const regionsWithoutCloudFrontLogDelivery = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
]);

/** Astro builds /skp/ as /skp/index.html; S3 has no directory index, so map clean URLs to their index.html. */
const directoryIndexCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;

/**
 * Viewer request on /api/*. The browser holds its ID token in the httpOnly session cookie; the gateway's JWT
 * authorizer reads only the Authorization header, so the cookie is copied there unless the caller sent one.
 * x-forwarded-host carries the site's host name to the app (the origin sees the execute-api host); it is always
 * overwritten, so a caller cannot choose it.
 */
export const apiRequestCode = `function handler(event) {
  var request = event.request;
  var headers = request.headers;
  if (headers.host) {
    headers['x-forwarded-host'] = { value: headers.host.value };
  } else {
    delete headers['x-forwarded-host'];
  }
  var session = request.cookies[${JSON.stringify(sessionCookieName(true))}];
  if (!headers.authorization && session && session.value) {
    headers.authorization = { value: 'Bearer ' + session.value };
  }
  return request;
}`;

/** The parts of functions/http-policy.ts HSTS (`max-age=…; includeSubDomains; preload`) CloudFront asks for. */
function strictTransportSecurity(): cloudfront.ResponseHeadersStrictTransportSecurity {
  const maxAge = /max-age=(\d+)/i.exec(HSTS)?.[1];
  if (maxAge === undefined) throw new Error(`HSTS has no max-age: ${HSTS}`);
  return {
    accessControlMaxAge: Duration.seconds(Number(maxAge)),
    includeSubdomains: /;\s*includeSubDomains/i.test(HSTS),
    preload: /;\s*preload/i.test(HSTS),
    override: true,
  };
}

function referrerPolicy(): cloudfront.HeadersReferrerPolicy {
  const policy = Object.values(cloudfront.HeadersReferrerPolicy).find((value) => value === REFERRER_POLICY);
  if (!policy) throw new Error(`CloudFront has no referrer policy ${REFERRER_POLICY}`);
  return policy;
}

export class Site extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`, the origin browsers see. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const cloudFrontLogs = !Token.isUnresolved(region) && !regionsWithoutCloudFrontLogDelivery.has(region);

    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are written with object ACLs; otherwise ACLs stay disabled.
      objectOwnership: cloudFrontLogs
        ? s3.ObjectOwnership.BUCKET_OWNER_PREFERRED
        : s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      // Versions make a bad deploy recoverable; a month of them is plenty for a rebuildable site.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3-site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The same transport and framing headers on every response; functions/http-policy.ts holds the values.
    const securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior = {
      strictTransportSecurity: strictTransportSecurity(),
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      // Approval links carry a token in the URL: another site gets at most the origin in a Referer header.
      referrerPolicy: { referrerPolicy: referrerPolicy(), override: true },
    };
    // The site also gets its content security policy; API responses carry the app's own, left as they are.
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'PIAWAI site security headers',
      securityHeadersBehavior: {
        ...securityHeadersBehavior,
        contentSecurityPolicy: { contentSecurityPolicy: siteContentSecurityPolicy, override: true },
      },
    });
    const apiSecurityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ApiSecurityHeaders', {
      comment: 'PIAWAI API security headers (the app sets its own CSP)',
      securityHeadersBehavior,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'PIAWAI: static site and /api/*',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia including Indonesia; the users are in Indonesia.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'DirectoryIndex', {
              code: cloudfront.FunctionCode.fromInline(directoryIndexCode),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: 'Serve /path/ and /path as /path/index.html',
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          // Redirecting would turn a POST into a GET; API clients must simply use HTTPS.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Everything the app needs (cookies, query, headers) except Host, which API Gateway routes on.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiSecurityHeaders,
          functionAssociations: [
            {
              eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
              function: new cloudfront.Function(this, 'ApiRequest', {
                code: cloudfront.FunctionCode.fromInline(apiRequestCode),
                runtime: cloudfront.FunctionRuntime.JS_2_0,
                comment: 'Session cookie to Authorization: Bearer; x-forwarded-host for the app',
              }),
            },
          ],
        },
      },
      ...(cloudFrontLogs
        ? { enableLogging: true, logBucket: this.logBucket, logFilePrefix: 'cloudfront/' }
        : {}),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.acknowledgeDistributionFindings(cloudFrontLogs);

    if (fs.existsSync(props.siteDir)) {
      new SiteDeployment(this, 'Deployment', {
        siteDir: props.siteDir,
        bucket: this.bucket,
        distribution: this.distribution,
      });
    }
  }

  private acknowledgeDistributionFindings(cloudFrontLogs: boolean): void {
    const acknowledge = (id: string, reason: string) =>
      Validations.of(this.distribution).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'No geo restriction: civil servants sign in from abroad (study leave, postings), and access is per user.',
    );
    acknowledge(
      'AwsSolutions-CFR2',
      'No WAF yet: a web ACL costs a fixed monthly fee and needs rules tuned to real traffic; the API is throttled ' +
        'at the stage, and the WAF decision is tracked with the custom-domain work.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate allows TLSv1 by design; TLSv1.2_2021 is set when the custom domain ' +
        'and its ACM certificate (us-east-1) are added.',
    );
    if (!cloudFrontLogs) {
      acknowledge(
        'AwsSolutions-CFR3',
        `CloudFront cannot deliver standard logs to S3 buckets in ${Stack.of(this).region}; v2 log delivery must be ` +
          'configured from us-east-1. API requests are logged by the HTTP API access log meanwhile.',
      );
    }
  }
}
