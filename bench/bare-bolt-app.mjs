// Baseline for bench/startup.ts: a Bolt app that only acks /rapport, with the same token check at start.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => send(res) }],
});
app.command('/rapport', async ({ ack }) => ack());
const send = (res) => {
  res.writeHead(200);
  res.end('{"ok":true}');
};
await app.client.auth.test();
const server = await app.start(Number(process.env.PORT));
console.log(JSON.stringify({ msg: 'Rapport is running', port: server.address().port }));
process.on('SIGTERM', () => app.stop().then(() => process.exit(0)));
