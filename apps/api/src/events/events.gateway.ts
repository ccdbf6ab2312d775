import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { CredentialsService, isAgent, Principal } from '@callgrade/auth';
import { AppConfig } from '@callgrade/config';
import { UserRole } from '@callgrade/database';
import { EVENTS_CHANNEL, PublishedEvent } from '@callgrade/events';
import { redisOptionsFromUrl } from '@callgrade/queue';
import Redis from 'ioredis';
import type { Server, Socket } from 'socket.io';

const STAFF_ROOM = 'staff';
const agentRoom = (agentId: string) => `agent:${agentId}`;
const roleRoom = (role: string) => `role:${role}`;

/** What the handshake middleware leaves on `socket.data`. */
interface SocketData {
  principal: Principal;
}

/**
 * Live updates over socket.io at `/socket.io`. Clients authenticate with the same JWT as the API
 * (`auth: { token }`). Agents join only their own room; staff roles see every call. The gateway
 * holds no logic: it relays what the API and worker publish on Redis.
 */
@WebSocketGateway({ cors: { origin: true } })
export class EventsGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  private readonly logger = new Logger(EventsGateway.name);
  private subscriber?: Redis;

  @WebSocketServer() server: Server;

  constructor(
    private readonly credentials: CredentialsService,
    private readonly config: AppConfig,
  ) {}

  afterInit(server: Server) {
    server.use((socket, next) => {
      const token = String(socket.handshake.auth?.token ?? socket.handshake.headers.authorization ?? '').replace(/^Bearer /, '');
      this.credentials
        .userFromAccessToken(token)
        .then((user) => {
          if (!user) return next(new Error('unauthenticated: connect with auth.token set to an access token'));
          (socket.data as SocketData).principal = user;
          next();
        })
        .catch(next);
    });
    this.subscriber = new Redis(redisOptionsFromUrl(this.config.redisUrl));
    this.subscriber.on('error', (e) => this.logger.warn(`Event subscription: ${e.message}`));
    this.subscriber.on('message', (_channel, message) => this.relay(message));
    this.subscriber.subscribe(EVENTS_CHANNEL).catch((e: Error) => this.logger.error(`Event subscription failed: ${e.message}`));
  }

  async handleConnection(socket: Socket) {
    const { principal } = socket.data as SocketData;
    // Auditors read the audit log; live call events are not theirs to see.
    if (principal.kind === 'user' && principal.role === UserRole.Auditor) return;
    const role = principal.kind === 'user' ? principal.role : null;
    await socket.join(isAgent(principal) ? agentRoom(principal.id) : role ? [STAFF_ROOM, roleRoom(role)] : STAFF_ROOM);
  }

  private relay(message: string) {
    let event: PublishedEvent;
    try {
      event = JSON.parse(message) as PublishedEvent;
    } catch {
      this.logger.warn(`Ignored a message on ${EVENTS_CHANNEL} that is not JSON`);
      return;
    }
    const { audience } = event;
    const rooms = audience.roles
      ? audience.roles.map(roleRoom)
      : audience.agentOnly
        ? [agentRoom(audience.agentId)]
        : [agentRoom(audience.agentId), STAFF_ROOM];
    this.server.to(rooms).emit(event.name, event.payload);
  }

  onApplicationShutdown() {
    this.subscriber?.disconnect();
  }
}
