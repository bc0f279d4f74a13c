fn main() {
    rewind::CorpusTests::new(&[rewind::domain::<shop::Order>()]).main();
}
