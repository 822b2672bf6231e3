// Amazon SES: the transport in AWS (SendRawEmail with the same MIME the local outbox writes).

import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { bareAddress, type MailTransport } from './transport.ts';

export function sesTransport(
  client: SESClient,
  configurationSet: string | undefined,
  from: string,
): MailTransport {
  const source = bareAddress(from);
  return {
    async send(raw) {
      const result = await client.send(
        new SendRawEmailCommand({
          Source: source,
          RawMessage: { Data: raw },
          ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        }),
      );
      return result.MessageId ?? '';
    },
  };
}
