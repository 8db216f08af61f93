package io.logflow.devstack.generator;

import java.util.random.RandomGenerator;

/**
 * The clients calling the shop: a pool of public IPs where a few heavy users and crawlers send much
 * of the traffic (Zipf), and a weighted mix of user agents.
 */
final class ClientPool {

    private static final int POOL_SIZE = 2000;
    private static final double IP_ZIPF_EXPONENT = 0.9;
    private static final int[] FIRST_OCTETS = {
        23, 31, 45, 62, 78, 81, 92, 104, 151, 176, 185, 188, 193, 203, 212, 217
    };
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
                + " Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                + " Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "shop-android/5.12.0 okhttp/4.12.0",
        "shop-ios/5.11.3 CFNetwork/1494.0.7 Darwin/23.4.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "python-requests/2.31.0",
        "curl/8.5.0"
    };
    private static final double[] USER_AGENT_WEIGHTS = {38, 20, 12, 6, 10, 8, 3, 2, 1};

    private final String[] ips = new String[POOL_SIZE];
    private final double[] ipCumulative = Sampling.zipf(POOL_SIZE, IP_ZIPF_EXPONENT);
    private final double[] userAgentCumulative = Sampling.cumulative(USER_AGENT_WEIGHTS);

    ClientPool(RandomGenerator rng) {
        for (int i = 0; i < POOL_SIZE; i++) {
            ips[i] =
                    FIRST_OCTETS[rng.nextInt(FIRST_OCTETS.length)]
                            + "."
                            + rng.nextInt(256)
                            + "."
                            + rng.nextInt(256)
                            + "."
                            + (1 + rng.nextInt(254));
        }
    }

    String ip(RandomGenerator rng) {
        return ips[Sampling.pick(ipCumulative, rng.nextDouble())];
    }

    String userAgent(RandomGenerator rng) {
        return USER_AGENTS[Sampling.pick(userAgentCumulative, rng.nextDouble())];
    }
}
