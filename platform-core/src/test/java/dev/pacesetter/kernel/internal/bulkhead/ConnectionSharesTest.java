package dev.pacesetter.kernel.internal.bulkhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class ConnectionSharesTest {

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:shares;DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void modulesTogetherLeaveAFifthOfThePoolToThePlatformAndOneModuleTakesThreeQuartersOfTheRest() {
        assertEquals(8, ConnectionShares.forModules(10));
        assertEquals(4, ConnectionShares.forModules(5));
        assertEquals(1, ConnectionShares.forModules(2));
        assertEquals(1, ConnectionShares.forModules(1));
        assertEquals(6, new ConnectionShares(h2(), 10, 0, 10).perModule());
        assertEquals(3, new ConnectionShares(h2(), 10, 3, 10).perModule());
        assertEquals(8, new ConnectionShares(h2(), 10, 50, 10).perModule(), "never more than modules may hold together");
    }

    @Test
    void aModuleAtItsShareIsBusyWhileAnotherStillGetsConnections() throws Exception {
        ConnectionShares shares = new ConnectionShares(h2(), 10, 2, 20);
        DataSource leads = shares.dataSourceFor("leads");
        DataSource pipeline = shares.dataSourceFor("pipeline");
        Connection first = leads.getConnection();
        Connection second = leads.getConnection();
        ModuleBusyException busy = assertThrows(ModuleBusyException.class, leads::getConnection);
        assertEquals("leads", busy.moduleId());
        try (Connection other = pipeline.getConnection()) {
            assertEquals(1, other.createStatement().executeQuery("SELECT 1").next() ? 1 : 0);
        }
        first.close();
        first.close(); // closing twice gives the share back once
        try (Connection again = leads.getConnection()) {
            assertThrows(ModuleBusyException.class, leads::getConnection, "still two held: second and again");
        }
        second.close();
    }

    @Test
    void allModulesTogetherStopShortOfThePlatformsConnections() throws Exception {
        ConnectionShares shares = new ConnectionShares(h2(), 5, 0, 20); // modules hold 4 together, 3 each
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(shares.dataSourceFor("a").getConnection());
            }
            held.add(shares.dataSourceFor("b").getConnection());
            assertThrows(ModuleBusyException.class, () -> shares.dataSourceFor("b").getConnection());
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
