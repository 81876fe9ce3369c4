package fr.registre.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

/**
 * Query-time synonyms from inline Solr-format rules ("synonyms": [...]).
 *
 * <p>Rules are analysed by the filters that precede this one in the analyzer, so
 * "Accident vasculaire cérébral" in a rule matches the folded, lower-cased tokens of
 * a query. Inline rules (not a file) let a remote cluster receive them with the index
 * settings; the portal keeps them in search/synonyms/ and re-sends them on rebuild.
 */
final class SynonymGraph extends AbstractTokenFilterFactory {
    private final List<String> rules;

    SynonymGraph(String name, Settings settings) {
        super(name, settings);
        rules = settings.getAsList("synonyms");
    }

    @Override
    public TokenStream create(TokenStream stream) {
        throw new IllegalStateException("synonym_graph [" + name() + "] is built per analyzer chain");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        SynonymMap map = parse(ruleAnalyzer(tokenizer, previousFilters));
        String filterName = name();
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return filterName;
            }

            @Override
            public TokenStream create(TokenStream stream) {
                return map.fst == null ? stream : new SynonymGraphFilter(stream, map, false);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER;
            }

            @Override
            public AnalysisMode getAnalysisMode() {
                return AnalysisMode.SEARCH_TIME;
            }
        };
    }

    private static Analyzer ruleAnalyzer(TokenizerFactory tokenizer, List<TokenFilterFactory> previous) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = tokenizer.create();
                TokenStream stream = source;
                for (TokenFilterFactory filter : previous) {
                    stream = filter.getSynonymFilter().create(stream);
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private SynonymMap parse(Analyzer analyzer) {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (IOException | ParseException | IllegalArgumentException error) {
            throw new IllegalArgumentException(
                "synonym_graph [" + name() + "]: cannot parse the rules: " + error.getMessage(), error);
        }
    }
}
