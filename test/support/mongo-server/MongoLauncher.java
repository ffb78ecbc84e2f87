// Test-only launcher for mongo-java-server (an in-memory MongoDB wire-protocol server).
//
// Run with Java's single-file source mode (no build step):
//   java -cp '<libdir>/*' MongoLauncher.java [host] [port]
// host defaults to 127.0.0.1, port defaults to 0 (= pick a free port). mongo-server.ts compiles it once
// with javac into .cache/ instead, which saves ~1-1.5 s per start; behaviour is identical.
//
// Protocol with the parent process (test/support/mongo-server.ts):
//   - prints exactly one line "LISTENING <port>" to stdout once the server accepts connections;
//   - shuts down when stdin reaches EOF (so it dies with its parent) or on SIGTERM/SIGINT;
//   - anything else (errors, the one-time slf4j "no providers" notice) goes to stderr.
//
// Two deliberate deviations from a plain `new MongoServer(new MemoryBackend())`, both found with the
// mongodb 7.9 Node driver (see test/contract/mongo-server.test.ts):
//   1. the reported server version (see REPORTED_VERSION);
//   2. requests are executed one at a time and each reply is deep-copied before the lock is released
//      (see SerializedMemoryBackend).

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

public final class MongoLauncher {

  // mongo-java-server 1.47.0's newest constant, ServerVersion.MONGO_5_0, reports maxWireVersion 8, but the
  // mongodb 7.x Node driver refuses anything below wire version 9 (MongoDB 4.4). The version is only used
  // for reporting (isMaster / buildInfo); the server's behaviour is the same whatever it claims. Claim the
  // lowest version the driver accepts, so the driver does not assume newer server features (e.g. snapshot
  // reads need wire version 13).
  private static final MongoVersion REPORTED_VERSION = new MongoVersion() {
    @Override
    public List<Integer> getVersionArray() {
      return List.of(4, 4, 0);
    }

    @Override
    public int getWireVersion() {
      return 9;
    }
  };

  /**
   * mongo-java-server applies each write atomically under a per-collection lock, but its replies hold
   * references to the live stored documents and are encoded after that lock is released. Under concurrent
   * connections a findAndModify reply can therefore show a *later* state of the document (measured: 50
   * concurrent `$inc` + `returnDocument: 'after'` returned e.g. 7 twice and never 6, although the final
   * value was 50). Real MongoDB returns exactly the post-image of that one update. Running requests one at a
   * time and deep-copying the reply under the lock restores that guarantee (and gives every reply a
   * consistent snapshot). The in-memory server is fast enough that serializing requests costs nothing
   * noticeable in tests.
   */
  static final class SerializedMemoryBackend extends MemoryBackend {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public Document handleMessage(MongoMessage message) {
      lock.lock();
      try {
        return snapshot(super.handleMessage(message));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
      lock.lock();
      try {
        return snapshot(super.handleCommand(channel, databaseName, command, query));
      } finally {
        lock.unlock();
      }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
      lock.lock();
      try {
        QueryResult result = super.handleQuery(query);
        List<Document> copies = new ArrayList<>();
        for (Document document : result) {
          copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, result.getCursorId());
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void handleClose(Channel channel) {
      lock.lock();
      try {
        super.handleClose(channel);
      } finally {
        lock.unlock();
      }
    }

    /** Copies only at the outermost level (handleMessage may call handleCommand on this same thread). */
    private Document snapshot(Document reply) {
      return reply != null && lock.getHoldCount() == 1 ? reply.cloneDeeply() : reply;
    }
  }

  private MongoLauncher() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      // Netty's event-loop threads are not daemons: without an explicit exit a failed bind
      // (e.g. "Address already in use") would leave the JVM running forever.
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;

    MemoryBackend backend = new SerializedMemoryBackend();
    backend.version(REPORTED_VERSION);
    MongoServer server = new MongoServer(backend);
    server.bind(host, port);
    InetSocketAddress address = server.getLocalAddress();

    AtomicBoolean stopped = new AtomicBoolean(false);
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        server.shutdownNow();
      }
    };
    // SIGTERM / SIGINT / System.exit all run shutdown hooks.
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "mongo-launcher-shutdown"));

    System.out.println("LISTENING " + address.getPort());
    System.out.flush();

    // Block until the parent closes our stdin (or dies), then exit.
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // ignore input; only EOF matters
      }
    } catch (IOException e) {
      // treat a broken stdin like EOF
    }
    stop.run();
    System.exit(0);
  }
}
