//! Flesch reading ease, for checking that what we write reads easily on a phone.
//!
//! 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words). Syllables are estimated
//! as groups of vowels, with a silent final "e" dropped and at least one per word.

/// Counts of a text's words, sentences and syllables.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    /// Flesch reading ease; 60 or more reads as plain English.
    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        let sentences = self.sentences.max(1) as f64;
        let words = self.words as f64;
        206.835 - 1.015 * (words / sentences) - 84.6 * (self.syllables as f64 / words)
    }

}

impl std::ops::Add for TextStats {
    type Output = TextStats;

    fn add(self, other: TextStats) -> TextStats {
        TextStats {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }
}

/// Estimated syllables in one word.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    if w.is_empty() {
        return 0;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    let n = w.len();
    // A silent final "e" ("take"), but not "-le" after a consonant ("gentle").
    if n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && (w[n - 2] != 'l' || is_vowel(w[n - 3])) {
        count -= 1;
    }
    count.max(1)
}

/// Counts words, sentences and syllables. Each line is at least one sentence (headings and list
/// items end without a full stop); within a line, `.`, `!` and `?` end sentences.
pub fn stats(text: &str) -> TextStats {
    let mut total = TextStats::default();
    for line in text.lines() {
        let mut sentences = 0;
        let mut words_in_sentence = 0;
        for token in line.split_whitespace() {
            let word: String = token.chars().filter(|c| c.is_alphanumeric() || *c == '\'').collect();
            if !word.is_empty() {
                total.words += 1;
                total.syllables += syllables(&word).max(usize::from(word.chars().all(|c| c.is_ascii_digit())));
                words_in_sentence += 1;
            }
            if token.ends_with(['.', '!', '?']) && words_in_sentence > 0 {
                sentences += 1;
                words_in_sentence = 0;
            }
        }
        if words_in_sentence > 0 {
            sentences += 1;
        }
        total.sentences += sentences;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_vowel_groups() {
        assert_eq!(syllables("partner"), 2);
        assert_eq!(syllables("take"), 1);
        assert_eq!(syllables("gentle"), 2);
        assert_eq!(syllables("intimacy"), 4);
        assert_eq!(syllables("I"), 1);
    }

    #[test]
    fn short_plain_sentences_read_easily_and_long_words_do_not() {
        let easy = stats("We talk at night. I feel safe with you.").reading_ease();
        let hard = stats("Interpersonal vulnerability facilitates relational consolidation.").reading_ease();
        assert!(easy > 90.0, "{easy}");
        assert!(hard < 0.0, "{hard}");
    }

    #[test]
    fn each_line_counts_as_a_sentence() {
        let s = stats("## A heading\n- a list item\nOne. Two.");
        assert_eq!(s.sentences, 4);
        assert_eq!(s.words, 7);
    }
}
