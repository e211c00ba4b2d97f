package dev.pacesetter.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the product and its database that a test can cut (every connection dropped, new ones
 * refused: the database is gone as far as the product can tell) and restore on the same port.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final InetSocketAddress upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    TcpProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.port = KernelNodes.freePort();
        restore();
    }

    int port() {
        return port;
    }

    /** Drops every connection and refuses new ones. */
    synchronized void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Accepts again on the same port. */
    synchronized void restore() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        listening = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(upstream.getAddress(), upstream.getPort());
                open.add(client);
                open.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException gone) {
                // either side closed, or the test cut the line
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
